import { useMemo } from 'react';
import { Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Chart } from '../components/Chart';
import { Pending } from '../components/Status';
import { ENUMS, enumLabel, useI18n } from '../i18n';
import { SeverityTag } from '../components/Tags';
import { Targets } from '../components/Targets';
import { ActivityCard } from '../components/ActivityCard';

const OverviewQuery = graphql(`
  query Overview {
    stationKinds { code labelZh labelEn }
    planned: stations(first: 0, filter: { status: PLANNED }) { totalCount }
    siteSelected: stations(first: 0, filter: { status: SITE_SELECTED }) { totalCount }
    signed: stations(first: 0, filter: { status: SIGNED }) { totalCount }
    operating: stations(first: 0, filter: { status: OPERATING }) { totalCount }
    suspended: stations(first: 0, filter: { status: SUSPENDED }) { totalCount }
    closed: stations(first: 0, filter: { status: CLOSED }) { totalCount }
    complianceReport {
      on
      profile { revision }
      totals { stations compliant violations advisories unevaluated undetermined }
      byRule { rule labelZh labelEn severity source findings stations }
      byKind { kind stations compliant violations advisories }
      districts: byDivisionAt(level: DISTRICT) { division { id nameZh nameEn } stations compliant violations advisories }
      streets: byDivisionAt(level: STREET) { division { id nameZh nameEn } stations compliant violations advisories }
      stations(first: 10) {
        edges {
          node {
            standing
            violations
            advisories
            station { id code name kind { code labelZh labelEn } }
          }
        }
      }
    }
  }
`);

export default function Overview() {
  const { t, lang, label } = useI18n();
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: OverviewQuery });

  const byStatus = useMemo(
    () =>
      data
        ? ([
            ['PLANNED', data.planned.totalCount],
            ['SITE_SELECTED', data.siteSelected.totalCount],
            ['SIGNED', data.signed.totalCount],
            ['OPERATING', data.operating.totalCount],
            ['SUSPENDED', data.suspended.totalCount],
            ['CLOSED', data.closed.totalCount],
          ] as const)
        : [],
    [data],
  );
  const kinds = useMemo(() => new Map((data?.stationKinds ?? []).map((k) => [k.code, k])), [data]);

  if (!data) return <Pending fetching={fetching} error={error} />;
  const report = data.complianceReport;
  // a city bureau reads its districts; a district bureau, whose stations lie in one district, its streets
  const areas = report.districts.length > 1 ? report.districts : report.streets;
  const statusOption = {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        data: byStatus
          .filter(([, n]) => n > 0)
          .map(([s, n]) => ({ name: enumLabel(lang, ENUMS.stationStatus, s), value: n, status: s })),
      },
    ],
  };
  const kindOption = {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 60, containLabel: true },
    // every kind named, however many: a bureau has a handful
    xAxis: {
      type: 'category',
      axisLabel: { interval: 0, width: 96, overflow: 'break' },
      data: report.byKind.map((k) => label(kinds.get(k.kind)) || k.kind),
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('合规', 'Compliant'), type: 'bar', stack: 's', color: '#52c41a', data: report.byKind.map((k) => k.compliant) },
      { name: t('不合规', 'Not compliant'), type: 'bar', stack: 's', color: '#ff4d4f', data: report.byKind.map((k) => k.stations - k.compliant) },
    ],
  };
  const ruleOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 16, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    // the profile's names are sentences: the axis shows their start, the table below in full
    yAxis: { type: 'category', inverse: true, axisLabel: { width: 180, overflow: 'truncate' },
      data: report.byRule.slice(0, 10).map((r) => (lang === 'zh' ? r.labelZh : r.labelEn)) },
    series: [
      {
        name: t('站点数', 'Stations'),
        type: 'bar',
        data: report.byRule.slice(0, 10).map((r) => ({
          value: r.stations,
          itemStyle: { color: r.severity === 'VIOLATION' ? '#ff4d4f' : r.severity === 'ADVISORY' ? '#faad14' : '#1677ff' },
        })),
      },
    ],
  };

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', flexWrap: 'wrap', gap: 8 }}>
        <Typography.Title level={2}>{t('概览', 'Overview')}</Typography.Title>
        <Link to="/report">{t('合规报告（可打印）', 'Compliance report (printable)')}</Link>
      </div>
      <Typography.Paragraph type="secondary">
        {report.profile
          ? t(`${report.on} 按第 ${report.profile.revision} 版政策配置检查`, `Checked on ${report.on} against profile revision ${report.profile.revision}`)
          : t('当前没有生效的政策配置。', 'No policy profile is in force.')}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}><Card><Statistic title={t('检查站点', 'Stations checked')} value={report.totals.stations} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={t('合规站点', 'Compliant')} value={report.totals.compliant} styles={{ content: { color: '#389e0d' } }} /></Card></Col>
        <Col xs={12} md={6}>
          <Card><Statistic title={t('违规问题', 'Violations')} value={report.totals.violations} styles={{ content: { color: '#cf1322' } }} /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card><Statistic title={t('建议问题', 'Advisories')} value={report.totals.advisories} styles={{ content: { color: '#d48806' } }} /></Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('站点状态', 'Stations by status')}>
            <Chart label={t('站点状态分布图', 'Chart of stations by status')} option={statusOption}
              onClick={(p) => navigate(`/stations?status=${byStatus.filter(([, n]) => n > 0)[p.dataIndex][0]}`)} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('各类站点合规情况', 'Compliance by station kind')}>
            <Chart label={t('各类站点合规图', 'Chart of compliance by kind')} option={kindOption}
              onClick={(p) => navigate(`/stations?kind=${encodeURIComponent(report.byKind[p.dataIndex].kind)}`)} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('问题最多的站点', 'Worst stations')}>
            <Table size="small" rowKey={(r) => r.station.id} pagination={false}
              dataSource={report.stations.edges.map((e) => e.node).filter((n) => n.violations + n.advisories > 0)}
              locale={{ emptyText: t('所有站点均合规', 'Every station complies') }}
              columns={[
                { title: t('站点', 'Station'), render: (_, n) => <Link to={`/stations/${encodeURIComponent(n.station.id)}`}>{n.station.name}</Link> },
                { title: t('类型', 'Kind'), render: (_, n) => label(n.station.kind) },
                { title: t('违规', 'Violations'), dataIndex: 'violations', render: (v: number) => (v ? <Tag color="red">{v}</Tag> : 0) },
                { title: t('建议', 'Advisories'), dataIndex: 'advisories' },
              ]} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('按规则统计', 'Findings by rule')}>
            {report.byRule.length > 0 && (
              <Chart label={t('按规则统计图', 'Chart of findings by rule')} option={ruleOption} height={Math.max(160, 28 * Math.min(10, report.byRule.length))} />
            )}
            <Table size="small" rowKey={(r) => `${r.rule}-${r.severity}`} pagination={{ pageSize: 8, hideOnSinglePage: true }} dataSource={report.byRule}
              locale={{ emptyText: t('没有问题', 'No findings') }}
              columns={[
                { title: t('规则', 'Rule'), dataIndex: 'rule',
                  render: (code: string, r) => <span title={code}>{lang === 'zh' ? r.labelZh : r.labelEn}</span> },
                { title: t('级别', 'Severity'), dataIndex: 'severity', render: (s: string) => <SeverityTag severity={s} /> },
                { title: t('依据', 'Source'), dataIndex: 'source' },
                { title: t('站点数', 'Stations'), dataIndex: 'stations' },
              ]} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={areas === report.districts ? t('各区县合规情况', 'Compliance by district') : t('各街道（乡镇）合规情况', 'Compliance by street or town')}
            data-testid="compliance-by-area">
            <Table size="small" rowKey={(r) => r.division.id} pagination={{ pageSize: 10, hideOnSinglePage: true }} dataSource={areas}
              locale={{ emptyText: t('尚无站点', 'No stations yet') }}
              columns={[
                { title: t('区划', 'Division'), render: (_, r) => (lang === 'zh' ? r.division.nameZh : r.division.nameEn || r.division.nameZh) },
                { title: t('站点', 'Stations'), dataIndex: 'stations' },
                { title: t('合规站点', 'Compliant'), dataIndex: 'compliant' },
                { title: t('违规问题', 'Violations'), dataIndex: 'violations', render: (v: number) => (v ? <Tag color="red">{v}</Tag> : 0) },
                { title: t('建议问题', 'Advisories'), dataIndex: 'advisories' },
              ]} />
          </Card>
        </Col>
        <Col xs={24}>
          <Targets />
        </Col>
        <Col xs={24}>
          <ActivityCard />
        </Col>
      </Row>
    </>
  );
}
