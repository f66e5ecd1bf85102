import { useState } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, List, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { FormDialog } from '../components/FormDialog';
import { describeError } from '../api/errors';
import { userErrorMessage } from '../api/messages';
import { ErrorAlert, Pending } from '../components/Status';
import { SeverityTag } from '../components/Tags';
import { CONTRACT_ENUMS, enumLabel, enumOptions, useI18n } from '../i18n';
import { useBureauToday, useRights } from '../session';

const FundingQuery = graphql(`
  query ConsoleFunding($year: Int!) {
    fundingEntries(year: $year) {
      id kind source sourceLabelZh sourceLabelEn amount entryDate fiscalYear payerLevel purpose reference note version
      tranche { id position contract { id title } }
      payerDivision { id nameZh } station { id name }
    }
    bySource: fundingTotals(year: $year, groupBy: [SOURCE]) { source sourceLabelZh allocated paid entries }
    byDistrict: fundingTotals(year: $year, groupBy: [DISTRICT]) { district { id nameZh nameEn } allocated paid entries }
    fundingFindings(year: $year) {
      fiscalYear yearClosed
      findings { code source severity problem required actual messageZh messageEn station { id name } rule { labelZh labelEn wording } }
    }
  }
`);

// what the bureau owes on its contracts: every tranche overdue from the past year, and due in the next 30 days
const TranchesQuery = graphql(`
  query ConsoleTranchesDue {
    contractTranches { amount paid status tranche { id position dueOn condition contract { id title operator { id name } } } }
  }
`);

const ByYearQuery = graphql(`
  query ConsoleFundingByYear { fundingTotals(groupBy: [YEAR]) { fiscalYear allocated paid entries } }
`);

const FundingChoices = graphql(`
  query ConsoleFundingChoices {
    policyProfile { id vocabularies { fundingSources { code labelZh labelEn } } }
    stations(first: 100) { edges { node { id name } } }
    divisions(first: 100) { edges { node { id nameZh level } } }
  }
`);

const RecordEntry = graphql(`
  mutation ConsoleRecordFundingEntry($input: RecordFundingEntryInput!) {
    recordFundingEntry(input: $input) { entry { id } userErrors { field code message } }
  }
`);

const RemoveEntry = graphql(`
  mutation ConsoleRemoveFundingEntry($input: RemoveFundingEntryInput!) {
    removeFundingEntry(input: $input) { entry { id } userErrors { field code message } }
  }
`);

// read again when an entry is recorded, which totals' own types would not tell the cache (one object: a new one each render would re-run the query)
const LEDGER_CONTEXT = { additionalTypenames: ['FundingEntry'] };

const FIELDS = ['kind', 'source', 'amount', 'entryDate', 'fiscalYear', 'payerLevel', 'payerDivisionId', 'purpose', 'stationId', 'reference', 'note'] as const;

/** The funding ledger of a fiscal year: its entries, totals by source, district and year, and what the profile's funding rules find. */
export default function Funding() {
  const { t, lang } = useI18n();
  const rights = useRights();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [, removeEntry] = useMutation(RemoveEntry);
  const remove = async (e: { id: string; version: number }) => {
    const r = await removeEntry({ input: { id: e.id, version: e.version } }, LEDGER_CONTEXT);
    const problem = r.error ? describeError(r.error, t)
      : (r.data?.removeFundingEntry?.userErrors ?? []).map((u) => userErrorMessage(u, lang)).join('；');
    if (problem) message.error(problem);
    else message.success(t('台账记录已删除', 'Entry removed'));
  };
  // the bureau's year, not the browser's: the two differ for a user elsewhere around New Year
  const today = useBureauToday();
  const year = Number(params.get('year')) || Number(today?.slice(0, 4)) || 0;
  const [recording, setRecording] = useState(false);
  const [{ data, fetching, error }] = useQuery({ query: FundingQuery, variables: { year }, context: LEDGER_CONTEXT, pause: !year });
  const [{ data: byYear }] = useQuery({ query: ByYearQuery, context: LEDGER_CONTEXT });
  const columns = [
    { title: t('安排（元）', 'Allocated (CNY)'), dataIndex: 'allocated' },
    { title: t('拨付（元）', 'Paid (CNY)'), dataIndex: 'paid' },
    { title: t('笔数', 'Entries'), dataIndex: 'entries' },
  ];

  return (
    <>
      <Typography.Title level={2}>{t('资金台账', 'Funding ledger')}</Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <InputNumber aria-label={t('财政年度', 'Fiscal year')} value={year || undefined} min={2000} max={2100}
          onChange={(v) => v && setParams({ year: String(v) }, { replace: true })} />
        {rights.admin && <Button type="primary" data-testid="funding-record" onClick={() => setRecording(true)}>{t('登记资金', 'Record an entry')}</Button>}
      </Space>
      {error && <ErrorAlert error={error} />}
      {!data ? <Pending fetching={fetching} /> : (
        <>
          <Card title={t('本年度规则检查', 'Funding rules this year')} style={{ marginBottom: 16 }} data-testid="funding-findings">
            {!data.fundingFindings.yearClosed && <Typography.Paragraph type="secondary">{t('年度未结束：年度金额暂不判断，仅检查重复补贴。', 'The year is open: yearly sums are not judged yet, only a subsidy given twice.')}</Typography.Paragraph>}
            <List dataSource={data.fundingFindings.findings} locale={{ emptyText: t('未发现问题', 'Nothing found') }}
              renderItem={(f) => (
                <List.Item>
                  <Space direction="vertical" size={2}>
                    <Space wrap><SeverityTag severity={f.severity} />{lang === 'zh' ? f.messageZh : f.messageEn}</Space>
                    <Typography.Text type="secondary">{t('依据：', 'Source: ')}{f.source}{t('　原文：', '  Wording: ')}{f.rule.wording}</Typography.Text>
                  </Space>
                </List.Item>
              )} />
          </Card>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card title={t('按资金来源', 'By source')} style={{ marginBottom: 16 }}>
                <Table rowKey={(r) => r.source ?? ''} size="small" pagination={false} dataSource={data.bySource} data-testid="totals-source"
                  columns={[{ title: t('来源', 'Source'), dataIndex: 'sourceLabelZh', render: (l: string, r) => (lang === 'zh' ? l : r.source) }, ...columns]} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('按区县', 'By district')} style={{ marginBottom: 16 }}>
                <Table rowKey={(r) => r.district?.id ?? '-'} size="small" pagination={false} dataSource={data.byDistrict} data-testid="totals-district"
                  columns={[{ title: t('区县', 'District'), render: (_, r) => (r.district ? (lang === 'zh' ? r.district.nameZh : r.district.nameEn || r.district.nameZh) : t('市级/省级统筹', 'City or provincial, network-wide')) }, ...columns]} />
              </Card>
            </Col>
          </Row>
          <Card title={t('按年度', 'By year')} style={{ marginBottom: 16 }}>
            <Table rowKey={(r) => String(r.fiscalYear)} size="small" pagination={false} dataSource={byYear?.fundingTotals ?? []}
              columns={[{ title: t('财政年度', 'Fiscal year'), dataIndex: 'fiscalYear' }, ...columns]} />
          </Card>
          <TranchesDue />
          <Card title={t('台账明细', 'Entries')}>
            <Table rowKey="id" size="small" dataSource={data.fundingEntries} scroll={{ x: true }} data-testid="funding-entries"
              locale={{ emptyText: t('本年度暂无台账记录', 'No entries this year') }}
              columns={[
                { title: t('日期', 'Date'), dataIndex: 'entryDate' },
                { title: t('类型', 'Kind'), dataIndex: 'kind', render: (k: string) => enumLabel(lang, CONTRACT_ENUMS.entryKind, k) },
                { title: t('来源', 'Source'), render: (_, e) => (lang === 'zh' ? e.sourceLabelZh : e.sourceLabelEn) },
                { title: t('金额（元）', 'Amount (CNY)'), dataIndex: 'amount' },
                { title: t('付款层级', 'Payer'), render: (_, e) => `${enumLabel(lang, CONTRACT_ENUMS.payerLevel, e.payerLevel)}${e.payerDivision ? ` · ${e.payerDivision.nameZh}` : ''}` },
                { title: t('用途', 'Purpose'), dataIndex: 'purpose', render: (p: string) => enumLabel(lang, CONTRACT_ENUMS.purpose, p) },
                { title: t('站点', 'Station'), render: (_, e) => e.station?.name ?? '—' },
                { title: t('依据文件', 'Reference'), dataIndex: 'reference', render: (x?: string | null) => x ?? '—' },
                { title: t('合同付款', 'Contract tranche'), render: (_, e) => e.tranche
                  ? <Link to={`/contracts/${e.tranche.contract.id}`}>{e.tranche.contract.title}{t(` 第${e.tranche.position}期`, ` #${e.tranche.position}`)}</Link> : '—' },
                ...(rights.admin ? [{ title: t('操作', 'Action'), key: 'remove', render: (_: unknown, e: { id: string; version: number }) => (
                  <Popconfirm title={t('删除这条台账记录？', 'Remove this entry?')} description={t('录错的记录删除后可重新登记。', 'Record the right one anew afterwards.')}
                    okText={t('删除', 'Remove')} okButtonProps={{ danger: true, ...{ 'data-testid': 'funding-remove-confirm' } }} cancelText={t('取消', 'Cancel')}
                    onConfirm={() => remove(e)}>
                    <Button size="small" danger type="link" data-testid="funding-remove">{t('删除', 'Remove')}</Button>
                  </Popconfirm>
                ) }] : []),
              ]} />
          </Card>
        </>
      )}
      {recording && <RecordEntryDialog year={year} onClose={() => setRecording(false)} />}
    </>
  );
}

/** The contract tranches not yet paid in full: overdue first, then those due within 30 days, by day. */
function TranchesDue() {
  const { t, lang } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: TranchesQuery, context: LEDGER_CONTEXT });
  const open = (data?.contractTranches ?? []).filter((x) => x.status !== 'PAID');
  return (
    <Card title={t('合同待付款', 'Contract tranches to pay')} style={{ marginBottom: 16 }} data-testid="tranches-due"
      extra={<Typography.Text type="secondary">{t('已逾期及未来30天内到期', 'Overdue, and due in the next 30 days')}</Typography.Text>}>
      {error ? <ErrorAlert error={error} /> : (
        <Table rowKey={(x) => x.tranche.id} size="small" pagination={false} loading={fetching && !data} dataSource={open} scroll={{ x: true }}
          locale={{ emptyText: t('没有逾期或即将到期的付款', 'Nothing overdue or due soon') }}
          columns={[
            { title: t('应付日期', 'Due on'), render: (_, x) => x.tranche.dueOn },
            { title: t('合同', 'Contract'), render: (_, x) => (
              <Link to={`/contracts/${encodeURIComponent(x.tranche.contract.id)}`}>
                {x.tranche.contract.title}{t(` 第${x.tranche.position}期`, ` #${x.tranche.position}`)}
              </Link>) },
            { title: t('承接主体', 'Operator'), render: (_, x) => x.tranche.contract.operator.name },
            { title: t('金额（元）', 'Amount (CNY)'), dataIndex: 'amount' },
            { title: t('已付（元）', 'Paid (CNY)'), dataIndex: 'paid' },
            { title: t('付款条件', 'Condition'), render: (_, x) => x.tranche.condition ?? '—' },
            { title: t('状态', 'Status'), render: (_, x) => (
              <Tag color={x.status === 'OVERDUE' ? 'red' : 'blue'}>{enumLabel(lang, CONTRACT_ENUMS.trancheStatus, x.status)}</Tag>) },
          ]} />
      )}
    </Card>
  );
}

function RecordEntryDialog({ year, onClose }: { year: number; onClose: () => void }) {
  const { t, lang, label } = useI18n();
  const [{ data }] = useQuery({ query: FundingChoices });
  const [, record] = useMutation(RecordEntry);
  const [purpose, setPurpose] = useState('GENERAL');
  const required = [{ required: true, message: t('必填', 'Required') }];
  return (
    <FormDialog title={t('登记资金', 'Record an entry')} fields={FIELDS} testId="funding-form" done={t('已登记', 'Recorded')} onClose={onClose}
      initialValues={{ kind: 'ALLOCATION', fiscalYear: year, payerLevel: 'CITY', purpose: 'GENERAL' }}
      submit={async (v) => {
        const r = await record({ input: { ...v, idempotencyKey: crypto.randomUUID() } as never }, { additionalTypenames: ['FundingEntry'] });
        return { error: r.error, userErrors: r.data?.recordFundingEntry?.userErrors };
      }}>
      <Space wrap>
        <Form.Item name="kind" label={t('类型', 'Kind')} rules={required}><Select style={{ width: 120 }} options={enumOptions(lang, CONTRACT_ENUMS.entryKind)} /></Form.Item>
        <Form.Item name="fiscalYear" label={t('财政年度', 'Fiscal year')} rules={required}><InputNumber /></Form.Item>
      </Space>
      <Form.Item name="source" label={t('资金来源', 'Source')} rules={required}>
        {data?.policyProfile?.vocabularies.fundingSources
          ? <Select options={data.policyProfile.vocabularies.fundingSources.map((s) => ({ value: s.code, label: label(s) }))} />
          : <Input />}
      </Form.Item>
      <Space wrap>
        <Form.Item name="amount" label={t('金额（元）', 'Amount (CNY)')} rules={required}><Input inputMode="decimal" /></Form.Item>
        <Form.Item name="entryDate" label={t('日期', 'Date')} rules={required}><Input type="date" /></Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="payerLevel" label={t('付款层级', 'Payer level')} rules={required}><Select style={{ width: 140 }} options={enumOptions(lang, CONTRACT_ENUMS.payerLevel)} /></Form.Item>
        <Form.Item name="payerDivisionId" label={t('付款区划', 'Paying division')}>
          <Select allowClear style={{ width: 180 }} options={(data?.divisions.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.nameZh }))} />
        </Form.Item>
      </Space>
      <Form.Item name="purpose" label={t('用途', 'Purpose')} rules={required}><Select options={enumOptions(lang, CONTRACT_ENUMS.purpose)} onChange={setPurpose} /></Form.Item>
      {purpose !== 'GENERAL' && (
        <Form.Item name="stationId" label={t('站点', 'Station')} rules={required}>
          <Select showSearch optionFilterProp="label" options={(data?.stations.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.name }))} />
        </Form.Item>
      )}
      <Form.Item name="reference" label={t('依据文件', 'Reference')}><Input /></Form.Item>
      <Form.Item name="note" label={t('备注', 'Note')}><Input.TextArea rows={2} /></Form.Item>
    </FormDialog>
  );
}
