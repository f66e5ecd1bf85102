import { Card, Progress, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useI18n } from '../i18n';
import { Pending } from './Status';

const TargetsQuery = graphql(`
  query OverviewTargets {
    targets {
      code labelZh labelEn source by state value needed shortfall
      lackingDivisions { id nameZh nameEn }
      lackingFacilities { id name }
    }
  }
`);

const STATE: Record<string, { color: string; zh: string; en: string }> = {
  MET: { color: 'green', zh: '已达成', en: 'Met' },
  PENDING: { color: 'blue', zh: '推进中', en: 'In progress' },
  UNMET: { color: 'red', zh: '未达成', en: 'Not met' },
  NOT_MEASURED: { color: 'default', zh: '不计量', en: 'Not counted' },
};
/** How many of the lacking a row names before it says "and N more". */
const NAMED = 6;

/**
 * The bureau's targets (目标) as the registry stands today: where each stands, how far it is, and
 * what lacks (the divisions without a station, the schools without social work).
 */
export function Targets() {
  const { t, lang } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: TargetsQuery });
  if (!data) return <Pending fetching={fetching} error={error} />;
  const rows = data.targets;
  return (
    <Card title={t('目标与覆盖', 'Targets and coverage')} data-testid="targets">
      <Table size="small" rowKey="code" dataSource={rows} pagination={false}
        locale={{ emptyText: t('政策配置未设目标', 'The profile sets no targets') }}
        columns={[
          { title: t('目标', 'Target'), render: (_, r) => (
            <Space direction="vertical" size={0}>
              <span>{lang === 'zh' ? r.labelZh : r.labelEn}</span>
              <Typography.Text type="secondary">{r.source}{r.by ? ` · ${t('截止', 'by')} ${r.by}` : ''}</Typography.Text>
            </Space>
          ) },
          { title: t('进度', 'Progress'), width: 180, render: (_, r) => r.needed == null ? '—' : (
            <Space direction="vertical" size={0} style={{ width: '100%' }}>
              <span>{r.value} / {r.needed}</span>
              <Progress size="small" showInfo={false} percent={Math.min(100, Math.round((100 * (r.value ?? 0)) / Math.max(1, r.needed)))}
                status={r.state === 'UNMET' ? 'exception' : r.state === 'MET' ? 'success' : 'active'}
                aria-label={t(`${r.value} / ${r.needed}`, `${r.value} of ${r.needed}`)} />
            </Space>
          ) },
          { title: t('状态', 'State'), width: 90, render: (_, r) => (
            <Tag color={STATE[r.state].color}>{lang === 'zh' ? STATE[r.state].zh : STATE[r.state].en}</Tag>
          ) },
          { title: t('缺口', 'Gap'), render: (_, r) => {
            const lacking = [...r.lackingDivisions.map((d) => ({ id: d.id, name: lang === 'zh' ? d.nameZh : d.nameEn ?? d.nameZh })),
              ...r.lackingFacilities.map((f) => ({ id: f.id, name: f.name }))];
            if (!lacking.length) return r.shortfall ? t(`还差 ${r.shortfall}`, `${r.shortfall} short`) : '—';
            return (
              <span data-testid="target-gap">
                {lacking.slice(0, NAMED).map((l) => <Tag key={l.id}>{l.name}</Tag>)}
                {lacking.length > NAMED && t(`等 ${lacking.length} 个`, `and ${lacking.length - NAMED} more`)}
              </span>
            );
          } },
        ]} />
    </Card>
  );
}
