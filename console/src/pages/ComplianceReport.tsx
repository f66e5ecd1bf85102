import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Pending } from '../components/Status';
import { SeverityTag, StandingTag } from '../components/Tags';
import { useI18n } from '../i18n';

const ReportQuery = graphql(`
  query PrintableComplianceReport {
    complianceReport {
      on
      profile { revision }
      totals { stations compliant violations advisories unevaluated undetermined }
      byDivision { division { id nameZh nameEn } stations compliant violations advisories }
      stations(first: 100) {
        totalCount
        edges {
          node {
            standing violations advisories
            station { id code name division { id } }
            findings { rule severity messageZh messageEn source }
          }
        }
      }
    }
  }
`);

// what a printed page keeps: the content, page breaks between stations rather than through them
const PRINT_CSS = `
@media print {
  .report-no-print { display: none !important; }
  .report-station { break-inside: avoid; }
  .report-division { break-before: auto; }
  .ant-card { box-shadow: none !important; border: none !important; }
}`;

/** The compliance report as a page to read and print: totals, then each division with its stations' findings and their sources. */
export default function ComplianceReport() {
  const { t, lang } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: ReportQuery });
  if (!data) return <Pending fetching={fetching} error={error} />;
  const r = data.complianceReport;
  const stations = r.stations.edges.map((e) => e.node);
  const name = (d: { nameZh: string; nameEn?: string | null }) => (lang === 'zh' ? d.nameZh : d.nameEn || d.nameZh);
  return (
    <article data-testid="compliance-report">
      <style>{PRINT_CSS}</style>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>{t('合规报告', 'Compliance report')}</Typography.Title>
        <Space className="report-no-print">
          <Link to="/">{t('返回概览', 'Back to the overview')}</Link>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>{t('打印', 'Print')}</Button>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t(`检查日期 ${r.on}`, `Checked on ${r.on}`)}
        {r.profile ? t(`，依据第 ${r.profile.revision} 版政策配置`, `, against profile revision ${r.profile.revision}`) : t('，当日没有生效的政策配置', '; no profile was in force')}
      </Typography.Paragraph>
      <Card title={t('合计', 'Totals')} size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 2, md: 3 }} bordered>
          <Descriptions.Item label={t('检查站点', 'Stations checked')}>{r.totals.stations}</Descriptions.Item>
          <Descriptions.Item label={t('合规站点', 'Compliant')}>{r.totals.compliant}</Descriptions.Item>
          <Descriptions.Item label={t('违规', 'Violations')}>{r.totals.violations}</Descriptions.Item>
          <Descriptions.Item label={t('建议', 'Advisories')}>{r.totals.advisories}</Descriptions.Item>
          <Descriptions.Item label={t('无法判定的规则', 'Rules not evaluated')}>{r.totals.unevaluated}</Descriptions.Item>
          <Descriptions.Item label={t('缺少数据', 'Undetermined')}>{r.totals.undetermined}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('按区划', 'By division')} size="small" style={{ marginBottom: 16 }}>
        <Table size="small" rowKey={(d) => d.division.id} pagination={false} dataSource={r.byDivision}
          locale={{ emptyText: t('没有检查的站点', 'No stations checked') }}
          columns={[
            { title: t('区划', 'Division'), render: (_, d) => name(d.division) },
            { title: t('站点', 'Stations'), dataIndex: 'stations' },
            { title: t('合规', 'Compliant'), dataIndex: 'compliant' },
            { title: t('违规', 'Violations'), dataIndex: 'violations' },
            { title: t('建议', 'Advisories'), dataIndex: 'advisories' },
          ]} />
      </Card>
      {r.byDivision.map((d) => {
        const here = stations.filter((s) => s.station.division.id === d.division.id);
        return (
          <section key={d.division.id} className="report-division" data-testid="report-division">
            <Typography.Title level={3}>
              {name(d.division)}
              <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 12 }}>
                {t(`${d.stations} 个站点，违规 ${d.violations} 项，建议 ${d.advisories} 项`, `${d.stations} stations, ${d.violations} violations, ${d.advisories} advisories`)}
              </Typography.Text>
            </Typography.Title>
            {here.map((s) => (
              <div key={s.station.id} className="report-station" style={{ marginBottom: 16 }}>
                <Space wrap>
                  <Typography.Text strong><Link to={`/stations/${encodeURIComponent(s.station.id)}`}>{s.station.name}</Link></Typography.Text>
                  <Typography.Text type="secondary">{s.station.code}</Typography.Text>
                  <StandingTag standing={s.standing} />
                </Space>
                {s.findings.length === 0 ? (
                  <div><Typography.Text type="secondary">{t('没有发现问题', 'No findings')}</Typography.Text></div>
                ) : (
                  <ol style={{ margin: '4px 0 0', paddingLeft: 24 }}>
                    {s.findings.map((f, i) => (
                      <li key={i}>
                        <SeverityTag severity={f.severity} /> {lang === 'zh' ? f.messageZh : f.messageEn}
                        {f.source && <Typography.Text type="secondary">{t('（依据：', ' (source: ')}{f.source}{t('）', ')')}</Typography.Text>}
                      </li>
                    ))}
                  </ol>
                )}
              </div>
            ))}
          </section>
        );
      })}
      {r.stations.totalCount > stations.length && (
        <Tag color="orange">
          {t(`仅列出问题最多的 ${stations.length} 个站点，共 ${r.stations.totalCount} 个；完整清单请导出 Excel。`,
            `Only the ${stations.length} stations with most findings are listed, of ${r.stations.totalCount}; export to Excel for all.`)}
        </Tag>
      )}
    </article>
  );
}
