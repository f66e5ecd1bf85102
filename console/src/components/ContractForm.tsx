import { useRef } from 'react';
import { Form, Input, InputNumber, Select, Space } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { FormDialog } from './FormDialog';
import { Rows } from './Rows';
import { rowsOf, textsOf } from '../api/forms';
import { useI18n } from '../i18n';

const ContractChoices = graphql(`
  query ConsoleContractChoices {
    operators { id name status }
    divisions(first: 100) { edges { node { id nameZh nameEn level } } }
    stations(first: 100) { edges { node { id name } } }
    policyProfile { id catalogue { models { slots { code labelZh labelEn } } } }
  }
`);

const CreateContract = graphql(`
  mutation ConsoleCreateContract($input: CreateContractInput!) {
    createContract(input: $input) { contract { id } userErrors { field code message } }
  }
`);

const UpdateContract = graphql(`
  mutation ConsoleUpdateContract($input: UpdateContractInput!) {
    updateContract(input: $input) { contract { id version } userErrors { field code message } }
  }
`);

const FIELDS = ['code', 'title', 'purchaserId', 'landingPartyId', 'operatorId', 'stationIds', 'startsOn', 'endsOn', 'price', 'takeoverPlan'] as const;
// edited row by row: an error on ["input", "tranches", "1", "amount"] lands on that row's amount
const LISTS = ['tranches', 'deliverables', 'documents'] as const;

/** A draft as the form edits it: its id and version, and its terms as the contract page read them. */
export interface Draft {
  id: string;
  version: number;
  values: Record<string, unknown>;
}

/**
 * The contract form: a new draft, or (given `draft`) the draft's terms to change. A change
 * sends the lists whole, since the API replaces a draft's tranches, deliverables and documents
 * with what it is sent.
 */
export function ContractFormDialog({ draft, onClose }: { draft?: Draft; onClose: (savedId?: string) => void }) {
  const { t, lang } = useI18n();
  const [{ data }] = useQuery({ query: ContractChoices });
  const [, create] = useMutation(CreateContract);
  const [, update] = useMutation(UpdateContract);
  const saved = useRef<string | undefined>(undefined);
  const divisions = data?.divisions.edges.map((e) => e.node) ?? [];
  // a deliverable names a slot of the catalogue in force, of whichever model its stations follow
  const slots = new Map((data?.policyProfile?.catalogue.models ?? []).flatMap((m) => m.slots).map((x) => [x.code, x]));
  const name = (d: { nameZh: string; nameEn?: string | null }) => (lang === 'zh' ? d.nameZh : d.nameEn || d.nameZh);
  const required = (zh: string, en: string) => [{ required: true, message: t(zh, en) }];
  return (
    <FormDialog title={draft ? t('修改合同草稿', 'Edit the draft contract') : t('新建服务合同', 'New service contract')}
      fields={FIELDS} lists={LISTS} testId="contract-form" width={760} initialValues={draft?.values}
      done={draft ? t('合同草稿已修改', 'Draft changed') : t('合同草稿已保存', 'Contract drafted')} onClose={() => onClose(saved.current)}
      submit={async (v) => {
        const terms: Record<string, unknown> = { ...v, tranches: rowsOf(v.tranches), deliverables: rowsOf(v.deliverables), documents: textsOf(v.documents) };
        if (draft) {
          // a draft's lists are replaced whole: a list emptied in the form empties the draft's
          terms.tranches ??= [];
          terms.deliverables ??= [];
          terms.documents ??= [];
          // a number or plan the draft had and the form now leaves blank is cleared, not kept
          for (const cleared of ['code', 'takeoverPlan'] as const) {
            if (draft.values[cleared] && terms[cleared] === undefined) terms[cleared] = null;
          }
          const r = await update({ input: { ...terms, id: draft.id, version: draft.version } as never }, { additionalTypenames: ['Contract'] });
          saved.current = r.data?.updateContract?.contract?.id;
          return { error: r.error, userErrors: r.data?.updateContract?.userErrors };
        }
        const r = await create({ input: terms as never }, { additionalTypenames: ['Contract'] });
        saved.current = r.data?.createContract?.contract?.id;
        return { error: r.error, userErrors: r.data?.createContract?.userErrors };
      }}>
      <Form.Item name="title" label={t('项目名称', 'Title')} rules={required('请填写项目名称', 'Enter the title')}><Input /></Form.Item>
      <Form.Item name="code" label={t('合同编号', 'Contract number')}><Input /></Form.Item>
      <Form.Item name="operatorId" label={t('承接主体', 'Operator')} rules={required('请选择承接主体', 'Choose the operator')}>
        <Select showSearch optionFilterProp="label" options={(data?.operators ?? []).filter((o) => o.status === 'ACTIVE').map((o) => ({ value: o.id, label: o.name }))} />
      </Form.Item>
      <Form.Item name="purchaserId" label={t('购买方', 'Purchaser')} rules={required('请选择购买方', 'Choose the purchaser')}>
        <Select showSearch optionFilterProp="label" options={divisions.filter((d) => d.level === 'CITY' || d.level === 'DISTRICT').map((d) => ({ value: d.id, label: name(d) }))} />
      </Form.Item>
      <Form.Item name="landingPartyId" label={t('项目落地方（街道/镇）', 'Landing party (street or town)')} rules={required('请选择项目落地方', 'Choose the landing party')}>
        <Select showSearch optionFilterProp="label" options={divisions.filter((d) => d.level === 'STREET').map((d) => ({ value: d.id, label: name(d) }))} />
      </Form.Item>
      <Form.Item name="stationIds" label={t('服务站点', 'Stations served')} rules={required('请选择站点', 'Choose the stations')}>
        <Select mode="multiple" showSearch optionFilterProp="label" options={(data?.stations.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.name }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="startsOn" label={t('起始日期', 'Starts on')} rules={required('请填写起始日期', 'Enter the first day')}><Input type="date" /></Form.Item>
        <Form.Item name="endsOn" label={t('截止日期', 'Ends on')} rules={required('请填写截止日期', 'Enter the last day')}><Input type="date" /></Form.Item>
      </Space>
      <Form.Item name="price" label={t('合同金额（元）', 'Price (CNY)')} rules={required('请填写合同金额', 'Enter the price')}><Input inputMode="decimal" /></Form.Item>
      <Rows name="tranches" title={t('付款安排', 'Payment schedule')} add={t('添加一期付款', 'Add a tranche')}>
        {(row, n) => (
          <>
            <Form.Item name={[row, 'dueOn']} label={t(`第${n}期应付日期`, `Tranche ${n} due on`)} rules={required('请填写应付日期', 'Enter the day')}><Input type="date" /></Form.Item>
            <Form.Item name={[row, 'amount']} label={t(`第${n}期金额（元）`, `Tranche ${n} amount (CNY)`)} rules={required('请填写金额', 'Enter the amount')}><Input inputMode="decimal" style={{ width: 140 }} /></Form.Item>
            <Form.Item name={[row, 'condition']} label={t(`第${n}期付款条件`, `Tranche ${n} condition`)}><Input placeholder={t('如：中期评估合格后支付', 'e.g. after a passed mid-term evaluation')} style={{ width: 220 }} /></Form.Item>
          </>
        )}
      </Rows>
      <Rows name="deliverables" title={t('服务内容', 'Deliverables')} add={t('添加服务内容', 'Add a deliverable')}>
        {(row, n) => (
          <>
            <Form.Item name={[row, 'description']} label={t(`服务内容${n}`, `Deliverable ${n}`)} rules={required('请填写服务内容', 'Enter what is owed')}><Input placeholder={t('如：个案服务', 'e.g. case work')} /></Form.Item>
            <Form.Item name={[row, 'quantity']} label={t(`服务内容${n}数量`, `Deliverable ${n} quantity`)} rules={required('请填写数量', 'Enter the quantity')}><InputNumber min={0} precision={0} /></Form.Item>
            <Form.Item name={[row, 'unit']} label={t(`服务内容${n}单位`, `Deliverable ${n} unit`)} rules={required('请填写单位', 'Enter the unit')}><Input placeholder={t('如：个', 'e.g. cases')} style={{ width: 80 }} /></Form.Item>
            <Form.Item name={[row, 'standard']} label={t(`服务内容${n}质量标准`, `Deliverable ${n} quality standard`)}><Input /></Form.Item>
            <Form.Item name={[row, 'slot']} label={t(`服务内容${n}服务目录栏目`, `Deliverable ${n} catalogue slot`)}>
              <Select allowClear style={{ width: 180 }} popupMatchSelectWidth={false}
                options={[...slots.values()].map((x) => ({ value: x.code, label: lang === 'zh' ? x.labelZh : x.labelEn }))} />
            </Form.Item>
          </>
        )}
      </Rows>
      <Rows name="documents" title={t('合同文件', 'Documents')} add={t('添加文件编号', 'Add a document reference')}>
        {(row, n) => (
          <Form.Item name={row} label={t(`文件${n}`, `Document ${n}`)} rules={required('请填写文件编号或名称', 'Enter the reference')}><Input placeholder={t('如：鼓民〔2026〕12号', 'e.g. a document number')} style={{ width: 320 }} /></Form.Item>
        )}
      </Rows>
      <Form.Item name="takeoverPlan" label={t('临时接管预案', 'Takeover plan')}><Input /></Form.Item>
    </FormDialog>
  );
}
