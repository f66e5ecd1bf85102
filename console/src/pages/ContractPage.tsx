import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, List, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { graphql } from '../gql';
import { FormDialog } from '../components/FormDialog';
import { ContractFormDialog } from '../components/ContractForm';
import { describeError, type ApiUserError } from '../api/errors';
import { remaining } from '../api/forms';
import { userErrorMessage } from '../api/messages';
import { NotFoundResult, Pending } from '../components/Status';
import { SeverityTag } from '../components/Tags';
import { CONTRACT_ENUMS, enumLabel, enumOptions, useI18n } from '../i18n';
import { useRights, useSession } from '../session';

const ContractQuery = graphql(`
  query ConsoleContract($id: ID!) {
    node(id: $id) {
      __typename
      ... on Contract {
        id code title status startsOn endsOn years price signedOn endedOn endReason endNote takeoverPlan documents version
        purchaser { id nameZh nameEn level }
        landingParty { id nameZh nameEn }
        operator { id name contracts { id title code status } }
        successor { id title }
        stations { id name }
        tranches { id position dueOn amount condition paid status }
        deliverables { position description quantity unit standard slot }
        reports { id kind periodStart periodEnd body submittedOn acceptedOn submittedBy version figures { sessions hours beneficiaries } }
        evaluations { id contractYear kind evaluator evaluatedOn score grade note }
        findings { rule severity messageZh messageEn source wording bureauSetting proposedEndOn }
      }
    }
    contractGrades { code labelZh labelEn failing }
    policyProfile { id catalogue { models { slots { code labelZh labelEn } } } }
  }
`);

const SubmitReport = graphql(`
  mutation ConsoleSubmitContractReport($input: SubmitContractReportInput!) {
    submitContractReport(input: $input) { report { id } userErrors { field code message } }
  }
`);

const AcceptReport = graphql(`
  mutation ConsoleAcceptContractReport($input: AcceptContractReportInput!) {
    acceptContractReport(input: $input) { report { id acceptedOn version } userErrors { field code message } }
  }
`);

const RecordEvaluation = graphql(`
  mutation ConsoleRecordContractEvaluation($input: RecordContractEvaluationInput!) {
    recordContractEvaluation(input: $input) { evaluation { id } userErrors { field code message } }
  }
`);

const SignContract = graphql(`
  mutation ConsoleSignContract($input: SignContractInput!) {
    signContract(input: $input) { contract { id status version } userErrors { field code message } }
  }
`);

const EndContract = graphql(`
  mutation ConsoleEndContract($input: EndContractInput!) {
    endContract(input: $input) { contract { id status version } userErrors { field code message } }
  }
`);

const SetTakeoverPlan = graphql(`
  mutation ConsoleSetContractTakeoverPlan($input: SetContractTakeoverPlanInput!) {
    setContractTakeoverPlan(input: $input) { contract { id takeoverPlan version } userErrors { field code message } }
  }
`);

const PaymentChoices = graphql(`
  query ConsoleTranchePaymentChoices {
    policyProfile { id vocabularies { fundingSources { code labelZh labelEn } } }
  }
`);

const RecordPayment = graphql(`
  mutation ConsoleRecordTranchePayment($input: RecordFundingEntryInput!) {
    recordFundingEntry(input: $input) { entry { id } userErrors { field code message } }
  }
`);

const REPORT_FIELDS = ['kind', 'periodStart', 'periodEnd', 'body'] as const;
const EVALUATION_FIELDS = ['contractYear', 'kind', 'evaluator', 'evaluatedOn', 'score', 'grade', 'note'] as const;
const END_FIELDS = ['reason', 'endedOn', 'successorId', 'note'] as const;
const PAYMENT_FIELDS = ['amount', 'entryDate', 'fiscalYear', 'source', 'stationId', 'reference', 'note'] as const;

type Tranche = { id: string; position: number; amount?: string | null; paid?: string | null };

/**
 * One service contract: its terms (price and tranches only where the API shows them), what the
 * operator owes and reported, its evaluations, and what the profile's rules find on it.
 */
export default function ContractPage() {
  const { id = '' } = useParams();
  const { t, lang, label } = useI18n();
  const rights = useRights();
  const { session } = useSession();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'report' | 'evaluation' | 'sign' | 'end' | 'takeover' | 'edit' | null>(null);
  const [paying, setPaying] = useState<Tranche | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({ query: ContractQuery, variables: { id } });
  const [, submitReport] = useMutation(SubmitReport);
  const [accepting, accept] = useMutation(AcceptReport);
  const [, recordEvaluation] = useMutation(RecordEvaluation);
  const [, sign] = useMutation(SignContract);
  const [, end] = useMutation(EndContract);
  const [clearing, setTakeover] = useMutation(SetTakeoverPlan);
  if (!data) return <Pending fetching={fetching} error={error} />;
  const c = data.node?.__typename === 'Contract' ? data.node : null;
  if (!c) return <NotFoundResult />;
  const division = (d: { nameZh: string; nameEn?: string | null }) => (lang === 'zh' ? d.nameZh : d.nameEn || d.nameZh);
  const grade = (code: string) => data.contractGrades.find((g) => g.code === code);
  const signed = c.status !== 'DRAFT';
  const canReport = signed && c.stations.some((s) => rights.canEditStation(s.id));
  const canEvaluate = signed && (rights.admin || session.roles.includes('SUPERVISOR'));
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const ended = c.status === 'ENDED';
  // what a failed one-click write says, in the console's words
  const failed = (r: { error?: CombinedError; userErrors?: readonly ApiUserError[] | null }) => {
    const problem = r.error ? describeError(r.error, t) : (r.userErrors ?? []).map((e) => userErrorMessage(e, lang)).join('；');
    if (problem) message.error(problem);
    return !!problem;
  };

  return (
    <>
      <Typography.Title level={2}>{c.title}</Typography.Title>
      <Card title={t('合同条款', 'Terms')} style={{ marginBottom: 16 }} data-testid="contract-terms"
        extra={rights.admin && (
          <Space wrap>
            {c.status === 'DRAFT' && <Button data-testid="contract-edit" onClick={() => setDialog('edit')}>{t('修改草稿', 'Edit draft')}</Button>}
            {c.status === 'DRAFT' && <Button type="primary" data-testid="contract-sign" onClick={() => setDialog('sign')}>{t('签订合同', 'Sign')}</Button>}
            {signed && !ended && <Button danger data-testid="contract-end" onClick={() => setDialog('end')}>{t('终止或续签', 'End or renew')}</Button>}
            {!ended && <Button data-testid="contract-takeover" onClick={() => setDialog('takeover')}>{t('临时接管预案', 'Takeover plan')}</Button>}
          </Space>
        )}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'code', label: t('合同编号', 'Number'), children: c.code ?? '—' },
          { key: 'status', label: t('状态', 'Status'), children: <>
            {enumLabel(lang, CONTRACT_ENUMS.contractStatus, c.status)}
            {c.endReason && `（${enumLabel(lang, CONTRACT_ENUMS.endReason, c.endReason)}${c.endedOn ? ` ${c.endedOn}` : ''}）`}
          </> },
          ...(c.successor ? [{ key: 'successor', label: t('续签合同', 'Renewed into'),
            children: <Link to={`/contracts/${c.successor.id}`} data-testid="contract-successor">{c.successor.title}</Link> }] : []),
          { key: 'operator', label: t('承接主体', 'Operator'), children: <Link to={`/operators?id=${encodeURIComponent(c.operator.id)}`}>{c.operator.name}</Link> },
          { key: 'purchaser', label: t('购买方', 'Purchaser'), children: division(c.purchaser) },
          { key: 'landing', label: t('项目落地方', 'Landing party'), children: division(c.landingParty) },
          { key: 'stations', label: t('服务站点', 'Stations'), children: <Space wrap>{c.stations.map((s) => <Link key={s.id} to={`/stations/${s.id}`}>{s.name}</Link>)}</Space> },
          { key: 'term', label: t('合同期限', 'Term'), children: `${c.startsOn} — ${c.endsOn}（${c.years}${t(' 个合同年度', ' contract years')}）` },
          { key: 'signed', label: t('签订日期', 'Signed on'), children: c.signedOn ?? t('未签订', 'Not signed') },
          ...(c.price != null ? [{ key: 'price', label: t('合同金额（元）', 'Price (CNY)'), children: c.price }] : []),
          { key: 'takeover', label: t('临时接管预案', 'Takeover plan'), children: <Space wrap>
            <span data-testid="takeover-plan">{c.takeoverPlan ?? '—'}</span>
            {rights.admin && !ended && c.takeoverPlan && (
              <Popconfirm title={t('清除临时接管预案？', 'Clear the takeover plan?')} okText={t('清除', 'Clear')} cancelText={t('取消', 'Cancel')}
                okButtonProps={{ ...{ 'data-testid': 'takeover-clear-confirm' } }}
                onConfirm={async () => {
                  const r = await setTakeover({ input: { id: c.id, version: c.version, takeoverPlan: null } });
                  if (!failed({ error: r.error, userErrors: r.data?.setContractTakeoverPlan?.userErrors })) reload();
                }}>
                <Button size="small" type="link" loading={clearing.fetching} data-testid="takeover-clear">{t('清除预案', 'Clear it')}</Button>
              </Popconfirm>
            )}
          </Space> },
          ...(c.documents.length ? [{ key: 'documents', label: t('合同文件', 'Documents'), children: c.documents.join('；') }] : []),
        ]} />
        {c.tranches && (
          <>
            <Typography.Title level={5}>{t('付款安排', 'Payment schedule')}</Typography.Title>
            <Table rowKey="id" size="small" pagination={false} dataSource={c.tranches} data-testid="tranches"
              locale={{ emptyText: t('未约定付款安排', 'No schedule') }}
              columns={[
                { title: t('期次', 'No.'), dataIndex: 'position' },
                { title: t('应付日期', 'Due on'), dataIndex: 'dueOn' },
                { title: t('金额（元）', 'Amount (CNY)'), dataIndex: 'amount' },
                { title: t('付款条件', 'Condition'), dataIndex: 'condition', render: (x?: string | null) => x ?? '—' },
                { title: t('已付（元）', 'Paid (CNY)'), dataIndex: 'paid', render: (x?: string | null) => x ?? '—' },
                { title: t('付款状态', 'Standing'), dataIndex: 'status', render: (x?: string | null) => x
                  ? <Tag color={x === 'PAID' ? 'green' : x === 'OVERDUE' ? 'red' : 'blue'} data-testid="tranche-status">{enumLabel(lang, CONTRACT_ENUMS.trancheStatus, x)}</Tag> : '—' },
                ...(rights.admin && signed ? [{ title: t('操作', 'Action'), key: 'pay', render: (_: unknown, tr: Tranche & { status?: string | null }) => tr.status !== 'PAID' && (
                  <Button size="small" data-testid="tranche-pay" onClick={() => setPaying(tr)}>{t('登记付款', 'Record payment')}</Button>
                ) }] : []),
              ]} />
          </>
        )}
        <Typography.Title level={5}>{t('服务内容', 'Deliverables')}</Typography.Title>
        <Table rowKey="position" size="small" pagination={false} dataSource={c.deliverables}
          locale={{ emptyText: t('未列明服务内容', 'None listed') }}
          columns={[
            { title: t('内容', 'What'), dataIndex: 'description' },
            { title: t('数量', 'Quantity'), render: (_, d) => `${d.quantity} ${d.unit}` },
            { title: t('质量标准', 'Standard'), dataIndex: 'standard', render: (x?: string | null) => x ?? '—' },
            {
              title: t('服务目录栏目', 'Catalogue slot'),
              dataIndex: 'slot',
              // the slot's name in the catalogue in force; its code where a revision dropped it
              render: (x?: string | null) => {
                const slot = data?.policyProfile?.catalogue.models.flatMap((m) => m.slots).find((s) => s.code === x);
                return slot ? (lang === 'zh' ? slot.labelZh : slot.labelEn) : x ?? '—';
              },
            },
          ]} />
      </Card>

      <Card title={t('规则检查', 'Rule findings')} style={{ marginBottom: 16 }} data-testid="contract-findings">
        {c.findings.length === 0 ? <Typography.Text type="secondary">{t('未发现问题', 'Nothing found')}</Typography.Text> : (
          <List dataSource={c.findings} renderItem={(f) => (
            <List.Item data-testid="contract-finding">
              <Space direction="vertical" size={2}>
                <Space wrap><SeverityTag severity={f.severity} /><Typography.Text strong>{lang === 'zh' ? f.messageZh : f.messageEn}</Typography.Text></Space>
                {f.proposedEndOn && <Typography.Text type="danger" data-testid="proposed-end">{t('依规应于 ', 'Should end by ')}{f.proposedEndOn}{t(' 终止合同', '')}</Typography.Text>}
                <Typography.Text type="secondary">
                  {t('依据：', 'Source: ')}{f.source ?? '—'}{f.wording && <>{t('　原文：', '  Wording: ')}{f.wording}</>}
                  {f.bureauSetting && t('（本局自定标准）', ' (the bureau’s own setting)')}
                </Typography.Text>
              </Space>
            </List.Item>
          )} />
        )}
      </Card>

      <Card title={t('工作报告', 'Reports')} style={{ marginBottom: 16 }} data-testid="contract-reports"
        extra={canReport && <Button data-testid="report-submit" onClick={() => setDialog('report')}>{t('提交报告', 'Submit a report')}</Button>}>
        <Table rowKey="id" size="small" pagination={false} dataSource={c.reports} scroll={{ x: true }}
          locale={{ emptyText: t('尚未提交报告', 'No reports yet') }}
          columns={[
            { title: t('类型', 'Kind'), dataIndex: 'kind', render: (k: string) => enumLabel(lang, CONTRACT_ENUMS.reportKind, k) },
            { title: t('期间', 'Period'), render: (_, r) => `${r.periodStart} — ${r.periodEnd}` },
            { title: t('内容', 'Text'), dataIndex: 'body' },
            { title: t('服务记录/时长/服务人次', 'Sessions / hours / served'), render: (_, r) => `${r.figures.sessions} / ${r.figures.hours} / ${r.figures.beneficiaries}` },
            { title: t('提交日期', 'Submitted'), dataIndex: 'submittedOn' },
            { title: t('验收', 'Accepted'), render: (_, r) => r.acceptedOn ? <Tag color="green">{t('已验收 ', 'Accepted ')}{r.acceptedOn}</Tag>
              : rights.admin ? <Button size="small" data-testid="report-accept" loading={accepting.fetching}
                onClick={async () => {
                  const done = await accept({ input: { id: r.id, version: r.version } });
                  if (!failed({ error: done.error, userErrors: done.data?.acceptContractReport?.userErrors })) reload();
                }}>{t('验收', 'Accept')}</Button>
              : <Tag>{t('待验收', 'Awaiting')}</Tag> },
          ]} />
      </Card>

      <Card title={t('绩效评估', 'Evaluations')} data-testid="contract-evaluations"
        extra={canEvaluate && <Button data-testid="evaluation-record" onClick={() => setDialog('evaluation')}>{t('记录评估', 'Record an evaluation')}</Button>}>
        <Table rowKey="id" size="small" pagination={false} dataSource={c.evaluations} scroll={{ x: true }}
          locale={{ emptyText: t('尚无评估', 'No evaluations yet') }}
          columns={[
            { title: t('合同年度', 'Year'), dataIndex: 'contractYear' },
            { title: t('类型', 'Kind'), dataIndex: 'kind', render: (k: string) => enumLabel(lang, CONTRACT_ENUMS.evaluationKind, k) },
            { title: t('评估方', 'Evaluator'), dataIndex: 'evaluator' },
            { title: t('评估日期', 'On'), dataIndex: 'evaluatedOn' },
            { title: t('得分', 'Score'), dataIndex: 'score', render: (x?: string | null) => x ?? '—' },
            { title: t('等级', 'Grade'), dataIndex: 'grade', render: (g: string) => <Tag color={grade(g)?.failing ? 'red' : 'blue'}>{label(grade(g)) || g}</Tag> },
            { title: t('备注', 'Note'), dataIndex: 'note', render: (x?: string | null) => x ?? '—' },
          ]} />
      </Card>

      {dialog === 'report' && (
        <FormDialog title={t('提交工作报告', 'Submit a report')} fields={REPORT_FIELDS} testId="report-form" initialValues={{ kind: 'MONTHLY_BRIEF' }}
          done={t('报告已提交', 'Report submitted')} onClose={() => { setDialog(null); reload(); }}
          submit={async (v) => {
            const r = await submitReport({ input: { ...v, contractId: c.id } as never });
            return { error: r.error, userErrors: r.data?.submitContractReport?.userErrors };
          }}>
          <Form.Item name="kind" label={t('报告类型', 'Kind')} rules={[{ required: true }]}>
            <Select options={enumOptions(lang, CONTRACT_ENUMS.reportKind)} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="periodStart" label={t('期间起', 'Period from')} rules={[{ required: true, message: t('请填写期间', 'Enter the period') }]}><Input type="date" /></Form.Item>
            <Form.Item name="periodEnd" label={t('期间止', 'Period to')} rules={[{ required: true, message: t('请填写期间', 'Enter the period') }]}><Input type="date" /></Form.Item>
          </Space>
          <Form.Item name="body" label={t('报告内容', 'Report')} rules={[{ required: true, message: t('请填写报告内容', 'Write the report') }]}><Input.TextArea rows={4} /></Form.Item>
        </FormDialog>
      )}
      {dialog === 'evaluation' && (
        <FormDialog title={t('记录绩效评估', 'Record an evaluation')} fields={EVALUATION_FIELDS} testId="evaluation-form"
          initialValues={{ kind: 'ANNUAL', contractYear: 1 }}
          done={t('评估已记录', 'Evaluation recorded')} onClose={() => { setDialog(null); reload(); }}
          submit={async (v) => {
            const r = await recordEvaluation({ input: { ...v, contractId: c.id } as never });
            return { error: r.error, userErrors: r.data?.recordContractEvaluation?.userErrors };
          }}>
          <Space wrap>
            <Form.Item name="contractYear" label={t('合同年度', 'Contract year')} rules={[{ required: true }]}><InputNumber min={1} max={c.years} /></Form.Item>
            <Form.Item name="kind" label={t('评估类型', 'Kind')} rules={[{ required: true }]}>
              <Select style={{ width: 160 }} options={enumOptions(lang, CONTRACT_ENUMS.evaluationKind)} />
            </Form.Item>
          </Space>
          <Form.Item name="evaluator" label={t('评估方', 'Evaluator')} rules={[{ required: true, message: t('请填写评估方', 'Enter the evaluator') }]}><Input /></Form.Item>
          <Space wrap>
            <Form.Item name="evaluatedOn" label={t('评估日期', 'Evaluated on')} rules={[{ required: true, message: t('请填写评估日期', 'Enter the day') }]}><Input type="date" /></Form.Item>
            <Form.Item name="score" label={t('得分', 'Score')}><Input inputMode="decimal" style={{ width: 100 }} /></Form.Item>
          </Space>
          <Form.Item name="grade" label={t('等级', 'Grade')} rules={[{ required: true, message: t('请选择等级', 'Choose the grade') }]}>
            <Select options={data.contractGrades.map((g) => ({ value: g.code, label: label(g) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('备注', 'Note')}><Input.TextArea rows={2} /></Form.Item>
        </FormDialog>
      )}
      {dialog === 'edit' && (
        <ContractFormDialog onClose={() => { setDialog(null); reload(); }} draft={{
          id: c.id, version: c.version, values: {
            code: c.code ?? undefined, title: c.title, purchaserId: c.purchaser.id, landingPartyId: c.landingParty.id,
            operatorId: c.operator.id, stationIds: c.stations.map((s) => s.id), startsOn: c.startsOn, endsOn: c.endsOn,
            price: c.price ?? undefined, takeoverPlan: c.takeoverPlan ?? undefined, documents: c.documents,
            tranches: (c.tranches ?? []).map(({ dueOn, amount, condition }) => ({ dueOn, amount, condition: condition ?? undefined })),
            deliverables: c.deliverables.map(({ description, quantity, unit, standard, slot }) =>
              ({ description, quantity, unit, standard: standard ?? undefined, slot: slot ?? undefined })),
          },
        }} />
      )}
      {dialog === 'sign' && (
        <FormDialog title={t('签订合同', 'Sign the contract')} fields={['signedOn']} testId="sign-form"
          done={t('合同已签订', 'Contract signed')} onClose={() => { setDialog(null); reload(); }}
          submit={async (v) => {
            const r = await sign({ input: { id: c.id, version: c.version, signedOn: v.signedOn as string } });
            return { error: r.error, userErrors: r.data?.signContract?.userErrors };
          }}>
          <Form.Item name="signedOn" label={t('签订日期', 'Signed on')} rules={[{ required: true, message: t('请填写签订日期', 'Enter the day of signing') }]}><Input type="date" /></Form.Item>
        </FormDialog>
      )}
      {dialog === 'end' && (
        <FormDialog title={t('终止或续签合同', 'End or renew the contract')} fields={END_FIELDS} testId="end-form" danger
          initialValues={{ reason: 'TERMINATED' }}
          done={t('合同已结束', 'Contract ended')} onClose={() => { setDialog(null); reload(); }}
          submit={async (v) => {
            const r = await end({ input: { ...v, id: c.id, version: c.version } as never });
            return { error: r.error, userErrors: r.data?.endContract?.userErrors };
          }}>
          <Form.Item name="reason" label={t('结束方式', 'How it ends')} rules={[{ required: true }]}>
            <Radio.Group options={[
              { value: 'TERMINATED', label: enumLabel(lang, CONTRACT_ENUMS.endReason, 'TERMINATED') },
              { value: 'RENEWED', label: t('续签', 'Renewed') },
            ]} />
          </Form.Item>
          <Form.Item name="endedOn" label={t('结束日期', 'Last day')} rules={[{ required: true, message: t('请填写结束日期', 'Enter the last day') }]}><Input type="date" /></Form.Item>
          <Form.Item noStyle dependencies={['reason']}>
            {({ getFieldValue }) => getFieldValue('reason') === 'RENEWED' && (
              <Form.Item name="successorId" label={t('续签合同', 'Successor contract')} rules={[{ required: true, message: t('请选择续签后的合同', 'Choose the successor') }]}
                extra={t('同一承接主体的另一份合同', 'Another contract of the same operator')}>
                <Select showSearch optionFilterProp="label" notFoundContent={t('该承接主体没有其他合同', 'The operator has no other contract')}
                  options={c.operator.contracts.filter((x) => x.id !== c.id).map((x) => ({ value: x.id, label: x.code ? `${x.title}（${x.code}）` : x.title }))} />
              </Form.Item>
            )}
          </Form.Item>
          <Form.Item name="note" label={t('说明', 'Note')}><Input.TextArea rows={2} placeholder={t('如：年度绩效评估不合格', 'e.g. failed its annual evaluation')} /></Form.Item>
        </FormDialog>
      )}
      {dialog === 'takeover' && (
        <FormDialog title={t('临时接管预案', 'Takeover plan')} fields={['takeoverPlan']} testId="takeover-form"
          initialValues={{ takeoverPlan: c.takeoverPlan ?? '' }}
          done={t('临时接管预案已保存', 'Takeover plan saved')} onClose={() => { setDialog(null); reload(); }}
          submit={async (v) => {
            const r = await setTakeover({ input: { id: c.id, version: c.version, takeoverPlan: (v.takeoverPlan as string | undefined) ?? null } });
            return { error: r.error, userErrors: r.data?.setContractTakeoverPlan?.userErrors };
          }}>
          <Form.Item name="takeoverPlan" label={t('预案文件编号或名称', 'Reference of the plan')} extra={t('留空保存即清除预案', 'Save it blank to clear the plan')}><Input /></Form.Item>
        </FormDialog>
      )}
      {paying && (
        <PaymentDialog tranche={paying} contract={c} onClose={() => { setPaying(null); reload(); }} />
      )}
    </>
  );
}

/**
 * A payment on one tranche, recorded in the funding ledger as a PAYMENT naming it: the purchaser
 * pays for services bought from the contract's operator at one of its stations.
 */
function PaymentDialog({ tranche, contract, onClose }: {
  tranche: Tranche;
  contract: { purchaser: { id: string; nameZh: string; nameEn?: string | null; level: string }; stations: readonly { id: string; name: string }[] };
  onClose: () => void;
}) {
  const { t, lang, label } = useI18n();
  const [{ data }] = useQuery({ query: PaymentChoices });
  const [, record] = useMutation(RecordPayment);
  const sources = data?.policyProfile?.vocabularies.fundingSources;
  const required = [{ required: true, message: t('必填', 'Required') }];
  const payer = lang === 'zh' ? contract.purchaser.nameZh : contract.purchaser.nameEn || contract.purchaser.nameZh;
  return (
    <FormDialog title={t(`登记第${tranche.position}期付款`, `Record payment of tranche ${tranche.position}`)} fields={PAYMENT_FIELDS} testId="payment-form"
      initialValues={{ amount: remaining(tranche.amount, tranche.paid), stationId: contract.stations[0]?.id }}
      done={t('付款已登记', 'Payment recorded')} onClose={onClose}
      submit={async (v) => {
        const entryDate = v.entryDate as string;
        const r = await record({ input: {
          ...v, kind: 'PAYMENT', trancheId: tranche.id, purpose: 'SERVICE_PURCHASE',
          // a field not shown (one station only) is not among the form's values
          stationId: (v.stationId as string | undefined) ?? contract.stations[0]?.id,
          payerLevel: contract.purchaser.level, payerDivisionId: contract.purchaser.id,
          fiscalYear: (v.fiscalYear as number | undefined) ?? Number(entryDate.slice(0, 4)),
          idempotencyKey: crypto.randomUUID(),
        } as never }, { additionalTypenames: ['FundingEntry'] });
        return { error: r.error, userErrors: r.data?.recordFundingEntry?.userErrors };
      }}>
      <Typography.Paragraph type="secondary">{t('付款方：', 'Paid by: ')}{payer}{t('（购买服务）', ' (service purchase)')}</Typography.Paragraph>
      <Space wrap>
        <Form.Item name="amount" label={t('金额（元）', 'Amount (CNY)')} rules={required}><Input inputMode="decimal" /></Form.Item>
        <Form.Item name="entryDate" label={t('付款日期', 'Paid on')} rules={required}><Input type="date" /></Form.Item>
        <Form.Item name="fiscalYear" label={t('财政年度', 'Fiscal year')} extra={t('默认为付款日期所在年度', 'The payment’s year when blank')}><InputNumber min={2000} max={2100} /></Form.Item>
      </Space>
      <Form.Item name="source" label={t('资金来源', 'Source')} rules={required}>
        {sources ? <Select options={sources.map((x) => ({ value: x.code, label: label(x) }))} /> : <Input />}
      </Form.Item>
      {contract.stations.length > 1 && (
        <Form.Item name="stationId" label={t('站点', 'Station')} rules={required}>
          <Select options={contract.stations.map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
      )}
      <Form.Item name="reference" label={t('依据文件', 'Reference')}><Input /></Form.Item>
      <Form.Item name="note" label={t('备注', 'Note')}><Input.TextArea rows={2} /></Form.Item>
    </FormDialog>
  );
}
