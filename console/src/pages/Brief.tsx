import { Alert, Button, Card, Col, Descriptions, Empty, List, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { errorCode } from '../api/errors';
import type { BriefFieldsFragment } from '../gql/graphql';
import { NotFoundResult, Pending } from '../components/Status';
import { SeverityTag } from '../components/Tags';
import { BRIEF_ENUMS, enumLabel, useI18n } from '../i18n';

// The brief's fields, asked alike of the bureau and of one station.
graphql(`
  fragment BriefFields on MonthlyBrief {
    month from to asOf current
    division { id nameZh nameEn }
    dueThisMonth { milestone labelZh labelEn dueOn status severity station { id name } division { id nameZh nameEn } operator { id name } }
    overdue { milestone labelZh labelEn dueOn status severity station { id name } division { id nameZh nameEn } operator { id name } }
    late { responsible overdue station { id name } division { id nameZh nameEn } operator { id name } }
    activity { month records hours served volunteers volunteerHours beneficiaries { code count } }
    previousActivity { month records hours served volunteers volunteerHours beneficiaries { code count } }
    activityByDivision { records hours served volunteers division { id nameZh nameEn } }
    compliance {
      previousOn on
      before { stations compliant nonCompliant violations advisories }
      after { stations compliant nonCompliant violations advisories }
      becameNonCompliant { id code name }
      becameCompliant { id code name }
    }
    featuredCases { submitted accepted returned }
    supervision { opened rectified overdue }
  }
`);

const BureauBrief = graphql(`
  query BureauBrief($month: String) {
    policyProfile { vocabularies { beneficiaryCategories { code labelZh labelEn } } }
    monthlyBrief(month: $month) { ...BriefFields }
  }
`);

const StationBrief = graphql(`
  query StationBrief($id: ID!, $month: String) {
    policyProfile { vocabularies { beneficiaryCategories { code labelZh labelEn } } }
    node(id: $id) {
      __typename
      ... on Station { id name monthlyBrief(month: $month) { ...BriefFields } }
    }
  }
`);

// Printed, the brief is the page alone: no menu, no header, no controls, and its cards whole.
const PRINT = `
@media print {
  .ant-layout-sider, .ant-layout-header, .brief-controls { display: none !important; }
  .ant-layout, .ant-layout-content { padding: 0 !important; background: #fff !important; }
  .brief .ant-card { break-inside: avoid; box-shadow: none; }
  @page { margin: 15mm; }
}`;

type Term = { code: string; labelZh: string; labelEn: string };

/**
 * The two years of months before `current` and the three after, newest first: for a running month
 * the bureau's today's (the brief's `asOf`), so no month offered is beyond what the service answers.
 */
function months(current: string): string[] {
  const [y, m] = current.split('-').map(Number);
  const out: string[] = [];
  for (let i = 3; i > -24; i--) {
    const d = new Date(Date.UTC(y, m - 1 + i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

export default function Brief() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const stationId = params.get('station');
  const month = params.get('month');
  const [bureau] = useQuery({ query: BureauBrief, variables: { month }, pause: !!stationId });
  const [station] = useQuery({ query: StationBrief, variables: { id: stationId ?? '', month }, pause: !stationId });
  const answer = stationId ? station : bureau;

  if (!stationId && errorCode(bureau.error) === 'FORBIDDEN') {
    return (
      <Alert type="info" showIcon role="status" title={t('全局简报仅供本局人员查看', "The bureau's brief is for the bureau's staff")}
        description={t('站点运营人员请在站点页面点击“月度简报”，查看本站简报。', "A station's operator opens its station's brief from the station's page.")} />
    );
  }
  if (!answer.data) return <Pending fetching={answer.fetching} error={answer.error} />;
  let brief: BriefFieldsFragment;
  let stationName: string | null = null;
  if (stationId) {
    const node = station.data?.node;
    if (node?.__typename !== 'Station') return <NotFoundResult />;
    brief = node.monthlyBrief;
    stationName = node.name;
  } else {
    brief = bureau.data!.monthlyBrief;
  }
  const categories = answer.data.policyProfile?.vocabularies.beneficiaryCategories ?? null;
  const choose = (m: string) => {
    const next = new URLSearchParams(params);
    next.set('month', m);
    setParams(next);
  };
  const [y, m] = brief.month.split('-');
  return (
    <div className="brief">
      <style>{PRINT}</style>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="brief-title">
          {t(`${stationName ?? '本局'}月度简报 · ${y}年${Number(m)}月`, `${stationName ?? 'Bureau'} monthly brief · ${brief.month}`)}
        </Typography.Title>
        <Space className="brief-controls" wrap>
          {stationId && <Link to={`/stations/${encodeURIComponent(stationId)}`}>{t('返回站点', 'Back to the station')}</Link>}
          <Select aria-label={t('月份', 'Month')} value={brief.month} style={{ width: 130 }} onChange={choose}
            options={months(brief.current ? brief.asOf.slice(0, 7) : brief.month).map((x) => ({ value: x, label: x }))} />
          <Button icon={<PrinterOutlined />} data-testid="brief-print" onClick={() => window.print()}>{t('打印', 'Print')}</Button>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {brief.current
          ? t(`本月尚未结束，数据截至 ${brief.asOf}。`, `The month is still running; figures as of ${brief.asOf}.`)
          : t(`数据截至 ${brief.asOf}（月末）。`, `Figures as of ${brief.asOf}, the month's end.`)}
        {brief.division && t(`范围：${brief.division.nameZh}。`, ` Scope: ${brief.division.nameEn || brief.division.nameZh}.`)}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24}><ActivityCard brief={brief} categories={categories} /></Col>
        <Col xs={24} xl={12}><DueCard brief={brief} /></Col>
        <Col xs={24} xl={12}><ComplianceCard brief={brief} /></Col>
        <Col xs={24} xl={12}><CasesAndSupervision brief={brief} /></Col>
        {!stationId && <Col xs={24} xl={12}><ByDivision brief={brief} /></Col>}
      </Row>
    </div>
  );
}

function Compared({ title, now, before, testId, digits = 0 }: { title: string; now: number; before: number; testId: string; digits?: number }) {
  const { t } = useI18n();
  const diff = now - before;
  return (
    <div data-testid={testId}>
      <Statistic title={title} value={now} precision={digits} styles={{ content: { fontSize: 22 } }} />
      <Typography.Text type="secondary">
        {t('上月', 'Last month')} {before.toFixed(digits)}
        {diff !== 0 && ` (${diff > 0 ? '+' : ''}${diff.toFixed(digits)})`}
      </Typography.Text>
    </div>
  );
}

function ActivityCard({ brief, categories }: { brief: BriefFieldsFragment; categories: readonly Term[] | null }) {
  const { t, lang, label } = useI18n();
  const a = brief.activity;
  const p = brief.previousActivity;
  const category = (code: string) => {
    const term = categories?.find((c) => c.code === code);
    return term ? label(term) : enumLabel(lang, BRIEF_ENUMS.beneficiary, code);
  };
  const previous = new Map(p.beneficiaries.map((b) => [b.code, b.count]));
  const codes = [...new Set([...a.beneficiaries.map((b) => b.code), ...p.beneficiaries.map((b) => b.code)])];
  return (
    <Card title={t('服务开展情况', 'Activity')}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={8} xl={4}><Compared title={t('服务记录（条）', 'Records')} now={a.records} before={p.records} testId="brief-records" /></Col>
        <Col xs={12} md={8} xl={5}><Compared title={t('服务时长（小时）', 'Hours')} now={a.hours} before={p.hours} digits={1} testId="brief-hours" /></Col>
        <Col xs={12} md={8} xl={5}><Compared title={t('服务人次', 'People served')} now={a.served} before={p.served} testId="brief-served" /></Col>
        <Col xs={12} md={8} xl={5}><Compared title={t('志愿者（人次）', 'Volunteers')} now={a.volunteers} before={p.volunteers} testId="brief-volunteers" /></Col>
        <Col xs={12} md={8} xl={5}><Compared title={t('志愿服务时长（小时）', 'Volunteer hours')} now={a.volunteerHours} before={p.volunteerHours} digits={1} testId="brief-volunteer-hours" /></Col>
      </Row>
      <Table size="small" style={{ marginTop: 16 }} pagination={false} rowKey="code"
        locale={{ emptyText: t('本月及上月均无服务对象记录', 'No people served this month or last') }}
        dataSource={codes.map((code) => ({ code, now: a.beneficiaries.find((b) => b.code === code)?.count ?? 0, before: previous.get(code) ?? 0 }))}
        columns={[
          { title: t('服务对象类别', 'Category'), dataIndex: 'code', render: (c: string) => category(c) },
          { title: t('本月人次', 'This month'), dataIndex: 'now', align: 'right' },
          { title: t('上月人次', 'Last month'), dataIndex: 'before', align: 'right' },
        ]} />
    </Card>
  );
}

type Item = BriefFieldsFragment['overdue'][number];

function DueCard({ brief }: { brief: BriefFieldsFragment }) {
  const { t, lang, label } = useI18n();
  const who = (i: { station?: { name: string } | null; division?: { nameZh: string; nameEn?: string | null } | null; operator?: { name: string } | null }) =>
    i.station?.name ?? (i.division ? (lang === 'zh' ? i.division.nameZh : i.division.nameEn || i.division.nameZh) : i.operator?.name ?? t('本局', 'The bureau'));
  const items = (list: readonly Item[], empty: string) => (
    <List size="small" dataSource={list as Item[]} locale={{ emptyText: empty }}
      renderItem={(i) => (
        <List.Item>
          <Space wrap>
            <Typography.Text>{i.dueOn}</Typography.Text>
            <Tag color={i.status === 'OVERDUE' ? 'red' : i.status === 'DONE' ? 'green' : 'blue'}>{enumLabel(lang, BRIEF_ENUMS.dueStatus, i.status)}</Tag>
            <Typography.Text>{label(i)}</Typography.Text>
            <Typography.Text type="secondary">{who(i)}</Typography.Text>
          </Space>
        </List.Item>
      )} />
  );
  return (
    <Card title={t('时间节点', 'Deadlines')} data-testid="brief-due">
      <Typography.Title level={5}>{t(`本月到期（${brief.dueThisMonth.length}）`, `Due this month (${brief.dueThisMonth.length})`)}</Typography.Title>
      {items(brief.dueThisMonth, t('本月没有到期事项', 'Nothing due this month'))}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t(`逾期未完成（${brief.overdue.length}）`, `Overdue (${brief.overdue.length})`)}
      </Typography.Title>
      {brief.late.length > 0 && (
        <Space wrap style={{ marginBottom: 8 }}>
          {brief.late.map((p) => (
            <Tag key={`${p.responsible}-${p.station?.id ?? p.division?.id ?? p.operator?.id ?? ''}`} color="red">
              {who(p)} · {t(`${p.overdue} 项`, `${p.overdue}`)}
            </Tag>
          ))}
        </Space>
      )}
      {items(brief.overdue, t('没有逾期事项', 'Nothing overdue'))}
    </Card>
  );
}

function ComplianceCard({ brief }: { brief: BriefFieldsFragment }) {
  const { t } = useI18n();
  const c = brief.compliance;
  const rows = [
    { key: 'stations', what: t('检查站点', 'Stations checked'), before: c.before.stations, after: c.after.stations },
    { key: 'compliant', what: t('合规', 'Compliant'), before: c.before.compliant, after: c.after.compliant },
    { key: 'nonCompliant', what: t('不合规', 'Not compliant'), before: c.before.nonCompliant, after: c.after.nonCompliant },
    { key: 'violations', what: <SeverityTag severity="VIOLATION" />, before: c.before.violations, after: c.after.violations },
    { key: 'advisories', what: <SeverityTag severity="ADVISORY" />, before: c.before.advisories, after: c.after.advisories },
  ];
  const stations = (list: readonly { id: string; name: string }[], empty: string) =>
    list.length === 0 ? <Typography.Text type="secondary">{empty}</Typography.Text> : (
      <Space wrap>{list.map((s) => <Link key={s.id} to={`/stations/${encodeURIComponent(s.id)}`}>{s.name}</Link>)}</Space>
    );
  return (
    <Card title={t('合规变化', 'Compliance since last month')} data-testid="brief-compliance">
      <Table size="small" pagination={false} dataSource={rows}
        columns={[
          { title: '', dataIndex: 'what' },
          { title: t(`上月末（${c.previousOn}）`, `End of last month (${c.previousOn})`), dataIndex: 'before', align: 'right' },
          { title: t(`本期（${c.on}）`, `Now (${c.on})`), dataIndex: 'after', align: 'right' },
        ]} />
      <Descriptions column={1} size="small" style={{ marginTop: 16 }}>
        <Descriptions.Item label={t('新增不合规', 'Became non-compliant')}>{stations(c.becameNonCompliant, t('无', 'None'))}</Descriptions.Item>
        <Descriptions.Item label={t('转为合规', 'Became compliant')}>{stations(c.becameCompliant, t('无', 'None'))}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function CasesAndSupervision({ brief }: { brief: BriefFieldsFragment }) {
  const { t } = useI18n();
  const f = brief.featuredCases;
  const s = brief.supervision;
  return (
    <Card title={t('典型案例与督导整改', 'Featured cases and rectifications')}>
      <Descriptions column={{ xs: 1, sm: 3 }} size="small" bordered title={t('典型案例', 'Featured cases')}>
        <Descriptions.Item label={t('提交', 'Submitted')}>{f.submitted}</Descriptions.Item>
        <Descriptions.Item label={t('采纳', 'Accepted')}>{f.accepted}</Descriptions.Item>
        <Descriptions.Item label={t('退回', 'Returned')}>{f.returned}</Descriptions.Item>
      </Descriptions>
      <Descriptions column={{ xs: 1, sm: 3 }} size="small" bordered title={t('督导整改', 'Rectifications')} style={{ marginTop: 16 }}>
        <Descriptions.Item label={t('新提出', 'Opened')}>{s.opened}</Descriptions.Item>
        <Descriptions.Item label={t('已整改', 'Rectified')}>{s.rectified}</Descriptions.Item>
        <Descriptions.Item label={t('逾期未整改', 'Overdue')}>{s.overdue}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function ByDivision({ brief }: { brief: BriefFieldsFragment }) {
  const { t, lang } = useI18n();
  if (brief.activityByDivision.length === 0) {
    return <Card title={t('各区划服务情况', 'Activity by division')}><Empty description={t('本月暂无服务记录', 'No activity this month')} /></Card>;
  }
  return (
    <Card title={t('各区划服务情况', 'Activity by division')}>
      <Table size="small" pagination={false} rowKey={(r) => r.division.id} dataSource={brief.activityByDivision as BriefFieldsFragment['activityByDivision'][number][]}
        columns={[
          { title: t('区划', 'Division'), render: (_, r) => (lang === 'zh' ? r.division.nameZh : r.division.nameEn || r.division.nameZh) },
          { title: t('记录', 'Records'), dataIndex: 'records', align: 'right' },
          { title: t('时长', 'Hours'), dataIndex: 'hours', align: 'right' },
          { title: t('人次', 'Served'), dataIndex: 'served', align: 'right' },
          { title: t('志愿者', 'Volunteers'), dataIndex: 'volunteers', align: 'right' },
        ]} />
    </Card>
  );
}
