import { useRef, useState } from 'react';
import { Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { FormDialog } from '../components/FormDialog';
import { Pending } from '../components/Status';
import { CONTRACT_ENUMS, enumLabel, useI18n } from '../i18n';
import { useRights } from '../session';

const ContractsQuery = graphql(`
  query ConsoleContracts {
    contracts {
      id code title status startsOn endsOn years price
      operator { id name }
      stations { id name }
      findings { rule severity }
    }
  }
`);

const ContractChoices = graphql(`
  query ConsoleContractChoices {
    operators { id name status }
    divisions(first: 100) { edges { node { id nameZh nameEn level } } }
    stations(first: 100) { edges { node { id name } } }
  }
`);

const CreateContract = graphql(`
  mutation ConsoleCreateContract($input: CreateContractInput!) {
    createContract(input: $input) { contract { id } userErrors { field code message } }
  }
`);

// an empty list names no type the cache could tell a new contract invalidates
const CONTRACT_CONTEXT = { additionalTypenames: ['Contract'] };

const FIELDS = ['code', 'title', 'purchaserId', 'landingPartyId', 'operatorId', 'stationIds', 'startsOn', 'endsOn', 'price'] as const;

/** The bureau's service contracts with where each stands and what its rules find; an administrator drafts one. */
export default function Contracts() {
  const { t, lang } = useI18n();
  const rights = useRights();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [{ data, fetching, error }] = useQuery({ query: ContractsQuery, context: CONTRACT_CONTEXT });
  const contracts = data?.contracts ?? [];

  return (
    <>
      <Typography.Title level={2}>{t('服务合同', 'Service contracts')}</Typography.Title>
      <Space style={{ marginBottom: 16 }}>
        {rights.admin && <Button type="primary" data-testid="contract-create" onClick={() => setCreating(true)}>{t('新建合同', 'New contract')}</Button>}
      </Space>
      <Pending fetching={fetching && !data} error={error} empty={!!data && contracts.length === 0} />
      {contracts.length > 0 && (
        <Table rowKey="id" dataSource={contracts} pagination={false} data-testid="contracts" scroll={{ x: true }}
          columns={[
            { title: t('合同', 'Contract'), dataIndex: 'title', render: (title: string, c) => <Link to={`/contracts/${c.id}`}>{title}</Link> },
            { title: t('承接主体', 'Operator'), render: (_, c) => c.operator.name },
            { title: t('站点', 'Stations'), render: (_, c) => c.stations.map((s) => s.name).join('、') },
            { title: t('期限', 'Term'), render: (_, c) => `${c.startsOn} — ${c.endsOn}` },
            { title: t('状态', 'Status'), dataIndex: 'status', render: (s: string) => enumLabel(lang, CONTRACT_ENUMS.contractStatus, s) },
            { title: t('发现问题', 'Findings'), render: (_, c) => {
              const faults = c.findings.filter((f) => f.severity !== 'INFO').length;
              return faults ? <Tag color="orange">{faults}</Tag> : <Tag color="green">0</Tag>;
            } },
          ]} />
      )}
      {creating && <CreateContractDialog onClose={(id) => { setCreating(false); if (id) navigate(`/contracts/${id}`); }} />}
    </>
  );
}

function CreateContractDialog({ onClose }: { onClose: (createdId?: string) => void }) {
  const { t, lang } = useI18n();
  const [{ data }] = useQuery({ query: ContractChoices });
  const [, create] = useMutation(CreateContract);
  const created = useRef<string | undefined>(undefined);
  const divisions = data?.divisions.edges.map((e) => e.node) ?? [];
  const name = (d: { nameZh: string; nameEn?: string | null }) => (lang === 'zh' ? d.nameZh : d.nameEn || d.nameZh);
  const required = (zh: string, en: string) => [{ required: true, message: t(zh, en) }];
  return (
    <FormDialog title={t('新建服务合同', 'New service contract')} fields={FIELDS} testId="contract-form"
      done={t('合同草稿已保存', 'Contract drafted')} onClose={() => onClose(created.current)}
      submit={async (v) => {
        const r = await create({ input: v as never }, { additionalTypenames: ['Contract'] });
        created.current = r.data?.createContract?.contract?.id;
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
    </FormDialog>
  );
}
