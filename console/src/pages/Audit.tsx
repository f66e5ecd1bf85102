import { Alert, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { AuditOutcome } from '../gql/graphql';
import { useKeysetPages } from '../components/Pages';
import { ErrorAlert } from '../components/Status';
import { useI18n } from '../i18n';
import { useRights } from '../session';

const AuditQuery = graphql(`
  query ConsoleAuditLog($filter: AuditFilter, $after: String) {
    auditLog(filter: $filter, first: 30, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id at actor action outcome errorCode entity entityId before after requestId } }
    }
  }
`);

// the records a console page shows, by the audit's type name
const PAGES: Record<string, string> = { Station: 'stations', SocialWorker: 'workers', Contract: 'contracts' };

// the record types an administrator most often looks for; any other can be typed
const ENTITIES: Record<string, [string, string]> = {
  Station: ['站点', 'Station'],
  SocialWorker: ['社工', 'Worker'],
  Assignment: ['岗位', 'Post'],
  Division: ['区划', 'Division'],
  PolicyProfile: ['政策配置', 'Policy profile'],
  ServicePlan: ['年度服务计划', 'Service plan'],
  Operator: ['承接主体', 'Operator'],
  Contract: ['服务合同', 'Contract'],
  FundingEntry: ['资金台账', 'Funding entry'],
  ContractReport: ['合同报告', 'Contract report'],
  ContractEvaluation: ['合同评估', 'Contract evaluation'],
  StationProject: ['服务项目', 'Project'],
  ActivityRecord: ['服务记录', 'Activity record'],
  FeaturedCase: ['典型案例', 'Featured case'],
  SupervisionVisit: ['督导记录', 'Supervision visit'],
  SupervisionFinding: ['督导发现', 'Supervision finding'],
  DueItemCompletion: ['时间节点', 'Due item'],
  Designation: ['命名认定', 'Designation'],
  HostFacility: ['依托场所', 'Host facility'],
  TrainingRecord: ['培训记录', 'Training record'],
  User: ['用户', 'User'],
};

// what a mutation does, by the verb its name starts with: `updateDivision` reads 修改 · 区划
const VERBS: Record<string, [string, string]> = {
  create: ['新建', 'Create'], update: ['修改', 'Update'], record: ['登记', 'Record'], register: ['登记', 'Register'],
  end: ['结束', 'End'], submit: ['提交', 'Submit'], set: ['设置', 'Set'], add: ['添加', 'Add'], withdraw: ['撤回', 'Withdraw'],
  start: ['启动', 'Start'], sign: ['签订', 'Sign'], serve: ['服务', 'Serve'], save: ['保存', 'Save'], review: ['审核', 'Review'],
  reset: ['重置', 'Reset'], report: ['报告', 'Report'], reopen: ['重新打开', 'Reopen'], remove: ['删除', 'Remove'],
  reinspect: ['复查', 'Re-inspect'], reactivate: ['恢复', 'Reactivate'], publish: ['发布', 'Publish'], grant: ['授权', 'Grant'],
  enable: ['启用', 'Enable'], disable: ['停用', 'Disable'], designate: ['认定', 'Designate'], deactivate: ['停用', 'Deactivate'],
  complete: ['完成', 'Complete'], close: ['关闭', 'Close'], change: ['变更', 'Change'], assign: ['安排', 'Assign'],
  advance: ['推进', 'Advance'], accept: ['验收', 'Accept'],
};

/** A mutation's name in the console's words where its verb is known; the name itself beside it. */
function Action({ name, entity }: { name: string; entity: string }) {
  const { lang } = useI18n();
  const verb = VERBS[/^[a-z]+/.exec(name)?.[0] ?? ''];
  return (
    <Space direction="vertical" size={0}>
      {verb && <span>{verb[lang === 'zh' ? 0 : 1]}{entity !== '—' ? ` · ${entity}` : ''}</span>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{name}</Typography.Text>
    </Space>
  );
}

/** A changed field's value in a line: text as it is, anything else as compact JSON. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** The fields a change touched, each as it was and as it became. */
function Changes({ before, after }: { before: unknown; after: unknown }) {
  const was = (before ?? {}) as Record<string, unknown>;
  const now = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])];
  if (keys.length === 0) return <>—</>;
  return (
    <Space direction="vertical" size={0}>
      {keys.map((k) => (
        <Typography.Text key={k} style={{ fontSize: 12 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{k}：</Typography.Text>
          {before ? `${shown(was[k])} → ${shown(now[k])}` : shown(now[k])}
        </Typography.Text>
      ))}
    </Space>
  );
}

/**
 * The bureau's audit log: every committed change and every refused attempt, newest first, with
 * who made it, what it touched and the fields before and after. TENANT_ADMIN, as the API.
 */
export default function Audit() {
  const { t, lang } = useI18n();
  const rights = useRights();
  const { params, setFilter, after, pager } = useKeysetPages();
  const filter = {
    targetId: params.get('targetId') || undefined,
    entity: params.get('entity') || undefined,
    actor: params.get('actor') || undefined,
    outcome: (params.get('outcome') as AuditOutcome) || undefined,
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
  };
  const [{ data, fetching, error }] = useQuery({ query: AuditQuery, variables: { filter, after }, pause: !rights.admin });
  if (!rights.admin) return <Alert type="warning" showIcon title={t('仅管理员可查看操作日志。', 'Only administrators read the audit log.')} />;
  const page = data?.auditLog;
  const label = (entity?: string | null) => (entity ? ENTITIES[entity]?.[lang === 'zh' ? 0 : 1] ?? entity : '—');
  return (
    <>
      <Typography.Title level={2}>{t('操作日志', 'Audit log')}</Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select aria-label={t('记录类型', 'Record type')} placeholder={t('记录类型', 'Record type')} allowClear showSearch style={{ width: 160 }}
            value={filter.entity} onChange={(v) => setFilter('entity', v)}
            options={Object.keys(ENTITIES).map((e) => ({ value: e, label: label(e) }))} />
          <Input.Search aria-label={t('操作人', 'Actor')} placeholder={t('操作人，如 wuhan:admin', 'Actor, e.g. wuhan:admin')} allowClear
            defaultValue={filter.actor} onSearch={(v) => setFilter('actor', v.trim())} style={{ width: 220 }} />
          <Select aria-label={t('结果', 'Outcome')} placeholder={t('结果', 'Outcome')} allowClear style={{ width: 130 }}
            value={filter.outcome} onChange={(v) => setFilter('outcome', v)}
            options={[{ value: 'COMMITTED', label: t('已提交', 'Committed') }, { value: 'REFUSED', label: t('被拒绝', 'Refused') }]} />
          <Input type="date" aria-label={t('起始日期', 'From')} value={filter.from ?? ''} onChange={(e) => setFilter('from', e.target.value)} style={{ width: 150 }} />
          <Input type="date" aria-label={t('截止日期', 'To')} value={filter.to ?? ''} onChange={(e) => setFilter('to', e.target.value)} style={{ width: 150 }} />
          {filter.targetId && <Tag closable onClose={() => setFilter('targetId', undefined)}>{t('仅此记录', 'This record only')}</Tag>}
        </Space>
      </Card>
      {error && <ErrorAlert error={error} />}
      <Table rowKey="id" size="small" loading={fetching} pagination={false} scroll={{ x: 900 }} data-testid="audit-log"
        dataSource={page?.edges.map((e) => e.node) ?? []}
        locale={{ emptyText: fetching ? ' ' : t('没有符合条件的记录', 'No entries match') }}
        columns={[
          { title: t('时间', 'When'), width: 170, render: (_, e) => new Date(e.at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB') },
          { title: t('操作人', 'Actor'), dataIndex: 'actor', width: 160 },
          { title: t('操作', 'Action'), width: 190, render: (_, e) => <Action name={e.action} entity={label(e.entity)} /> },
          {
            title: t('记录', 'Record'),
            width: 130,
            render: (_, e) => (e.entity && e.entityId && PAGES[e.entity]
              ? <Link to={`/${PAGES[e.entity]}/${encodeURIComponent(e.entityId)}`}>{label(e.entity)}</Link>
              : label(e.entity)),
          },
          {
            title: t('结果', 'Outcome'),
            width: 110,
            render: (_, e) => (e.outcome === 'COMMITTED'
              ? <Tag color="green">{t('已提交', 'Committed')}</Tag>
              : <Tag color="red">{t('被拒绝', 'Refused')}{e.errorCode ? ` ${e.errorCode}` : ''}</Tag>),
          },
          { title: t('变更', 'Changes'), render: (_, e) => <Changes before={e.before} after={e.after} /> },
        ]} />
      {pager(page, '条')}
    </>
  );
}
