import { Card, Col, Row, Table } from 'antd';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Chart } from './Chart';
import { ErrorAlert } from './Status';
import { useI18n } from '../i18n';
import { useBureauToday } from '../session';

const ActivityQuery = graphql(`
  query OverviewActivity($from: Date!, $to: Date!) {
    activitySummary(from: $from, to: $to) {
      month records hours served volunteers volunteerHours
      division { id nameZh nameEn }
    }
  }
`);

type Sums = { records: number; hours: number; served: number; volunteers: number };

function add(into: Sums, x: Sums): Sums {
  return { records: into.records + x.records, hours: into.hours + x.hours, served: into.served + x.served, volunteers: into.volunteers + x.volunteers };
}
const ZERO: Sums = { records: 0, hours: 0, served: 0, volunteers: 0 };

/**
 * The service the bureau's stations delivered this year, from their activity records: month by
 * month, and by the division the stations are located in, most people served first.
 */
export function ActivityCard() {
  const { t, lang } = useI18n();
  const today = useBureauToday();
  const from = today ? `${today.slice(0, 4)}-01-01` : '';
  const [{ data, error }] = useQuery({ query: ActivityQuery, variables: { from, to: today ?? '' }, pause: !today });
  const rows = data?.activitySummary ?? [];
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const byMonth = months.map((m) => rows.filter((r) => r.month === m).reduce(add, ZERO));
  const divisions = new Map<string, { name: string } & Sums>();
  for (const r of rows) {
    const d = divisions.get(r.division.id) ?? { name: lang === 'zh' ? r.division.nameZh : r.division.nameEn || r.division.nameZh, ...ZERO };
    divisions.set(r.division.id, { ...d, ...add(d, r) });
  }
  const byDivision = [...divisions.entries()].map(([id, d]) => ({ id, ...d })).sort((a, b) => b.served - a.served);
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 16, right: 16, top: 24, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => (lang === 'zh' ? `${Number(m.slice(5))}月` : m)) },
    yAxis: [
      { type: 'value', minInterval: 1, name: t('人次', 'People') },
      { type: 'value', minInterval: 1, name: t('记录', 'Records') },
    ],
    series: [
      { name: t('服务人次', 'People served'), type: 'bar', data: byMonth.map((s) => s.served) },
      { name: t('服务记录', 'Records'), type: 'bar', yAxisIndex: 1, data: byMonth.map((s) => s.records) },
    ],
  };
  return (
    <Card title={t(`${from.slice(0, 4)} 年服务开展`, `Service delivered in ${from.slice(0, 4)}`)} data-testid="activity-summary">
      {error && <ErrorAlert error={error} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          {months.length > 0 && <Chart label={t('各月服务开展图', 'Chart of service by month')} option={option} />}
        </Col>
        <Col xs={24} lg={12}>
          <Table size="small" rowKey="id" pagination={{ pageSize: 8, hideOnSinglePage: true }} dataSource={byDivision}
            loading={!data && !error} locale={{ emptyText: t('今年尚无服务记录', 'No activity recorded this year') }}
            columns={[
              { title: t('所在区划', 'Division'), dataIndex: 'name' },
              { title: t('服务记录', 'Records'), dataIndex: 'records' },
              { title: t('服务时长（小时）', 'Hours'), render: (_, d) => Math.round(d.hours * 10) / 10 },
              { title: t('服务人次', 'People served'), dataIndex: 'served' },
              { title: t('志愿者（人次）', 'Volunteers'), dataIndex: 'volunteers' },
            ]} />
        </Col>
      </Row>
    </Card>
  );
}
