import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useKeysetPages } from '../components/Pages';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { DivisionLevel } from '../gql/graphql';
import { FormDialog } from '../components/FormDialog';
import { ErrorAlert } from '../components/Status';
import { useRights } from '../session';
import { useI18n, type Lang } from '../i18n';

const DivisionsQuery = graphql(`
  query DivisionList($filter: DivisionFilter, $first: Int, $after: String) {
    divisions(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id code level nameZh nameEn communityCount zone version
          parent { id nameZh nameEn }
          stations { id name }
        }
      }
    }
  }
`);

// the divisions a new one may sit under, and the zones the profile in force declares
const DivisionChoices = graphql(`
  query DivisionChoices {
    divisions(filter: { level: CITY }, first: 100) { edges { node { id level nameZh nameEn } } }
    districts: divisions(filter: { level: DISTRICT }, first: 100) { edges { node { id level nameZh nameEn } } }
    streets: divisions(filter: { level: STREET }, first: 100) { edges { node { id level nameZh nameEn } } }
    policyProfile { id vocabularies { zones { code labelZh labelEn } } }
  }
`);

const CreateDivision = graphql(`
  mutation ConsoleCreateDivision($input: CreateDivisionInput!) {
    createDivision(input: $input) { division { id } userErrors { field code message } }
  }
`);

const UpdateDivision = graphql(`
  mutation ConsoleUpdateDivision($input: UpdateDivisionInput!) {
    updateDivision(input: $input) { division { id version communityCount zone nameZh nameEn } userErrors { field code message } }
  }
`);

const LEVELS: Record<DivisionLevel, [string, string]> = {
  CITY: ['市', 'City'],
  DISTRICT: ['区/县', 'District or county'],
  STREET: ['街道/乡镇', 'Street or town'],
  COMMUNITY: ['社区/村', 'Community or village'],
};
const ORDER: DivisionLevel[] = ['CITY', 'DISTRICT', 'STREET', 'COMMUNITY'];
const levelLabel = (lang: Lang, level: DivisionLevel) => LEVELS[level][lang === 'zh' ? 0 : 1];

type Named = { nameZh: string; nameEn?: string | null };
type Editable = Named & { id: string; code: string; level: DivisionLevel; communityCount?: number | null; zone?: string | null; version: number };

const PAGE = 20;

/**
 * The bureau's divisions: the districts, streets and communities its stations sit in. A street's
 * community count drives staffing brackets (Shangcheng's), and its zone the rules a profile sets
 * by zone (Wuhan's), so an administrator keeps them here, each change from the day it took effect.
 */
export default function Divisions() {
  const { t, lang } = useI18n();
  const rights = useRights();
  const { params, setFilter, after, pager } = useKeysetPages();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Editable | null>(null);
  const filter = {
    text: params.get('text') || undefined,
    level: (params.get('level') as DivisionLevel) || undefined,
  };
  const [{ data, fetching, error }] = useQuery({ query: DivisionsQuery, variables: { filter, first: PAGE, after } });
  const [choices] = useQuery({ query: DivisionChoices });
  const zones = choices.data?.policyProfile?.vocabularies.zones;
  const name = (d: Named) => (lang === 'zh' ? d.nameZh : d.nameEn || d.nameZh);
  const zoneLabel = (code?: string | null) => {
    const z = zones?.find((x) => x.code === code);
    return z ? (lang === 'zh' ? z.labelZh : z.labelEn) : code;
  };
  const page = data?.divisions;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2}>{t('行政区划', 'Divisions')}</Typography.Title>
        {rights.admin && <Button type="primary" data-testid="division-create" onClick={() => setCreating(true)}>{t('新增区划', 'Add a division')}</Button>}
      </Space>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Input.Search aria-label={t('搜索区划', 'Search divisions')} placeholder={t('名称或代码', 'Name or code')} allowClear
            defaultValue={filter.text} onSearch={(v) => setFilter('text', v)} style={{ width: 220 }} />
          <Select aria-label={t('层级', 'Level')} placeholder={t('层级', 'Level')} allowClear style={{ width: 160 }} value={filter.level}
            options={ORDER.map((l) => ({ value: l, label: levelLabel(lang, l) }))} onChange={(v) => setFilter('level', v)} />
        </Space>
      </Card>
      {error && <ErrorAlert error={error} />}
      <Table rowKey="id" loading={fetching} pagination={false} scroll={{ x: 760 }} data-testid="division-list"
        dataSource={page?.edges.map((e) => e.node) ?? []}
        locale={{ emptyText: fetching ? ' ' : t('没有符合条件的区划', 'No divisions match') }}
        columns={[
          { title: t('名称', 'Name'), render: (_, d) => name(d) },
          { title: t('代码', 'Code'), dataIndex: 'code' },
          { title: t('层级', 'Level'), render: (_, d) => levelLabel(lang, d.level) },
          { title: t('上级', 'Under'), render: (_, d) => (d.parent ? name(d.parent) : '—') },
          { title: t('社区数', 'Communities'), render: (_, d) => d.communityCount ?? '—' },
          { title: t('片区', 'Zone'), render: (_, d) => zoneLabel(d.zone) ?? '—' },
          {
            title: t('站点', 'Stations'),
            render: (_, d) => (d.stations.length === 0 ? '—' : d.stations.map((s) => (
              <div key={s.id}><Link to={`/stations/${encodeURIComponent(s.id)}`}>{s.name}</Link></div>
            ))),
          },
          ...(rights.admin ? [{
            title: t('操作', 'Actions'),
            render: (_: unknown, d: Editable) => (
              <Button size="small" data-testid="division-edit" onClick={() => setEditing(d)}>{t('修改', 'Edit')}</Button>
            ),
          }] : []),
        ]} />
      {pager(page)}
      {creating && <CreateDialog zones={zones} choices={choices.data} onClose={() => setCreating(false)} />}
      {editing && <EditDialog division={editing} zones={zones} onClose={() => setEditing(null)} />}
    </>
  );
}

type Zones = readonly { code: string; labelZh: string; labelEn: string }[] | null | undefined;

/** A division's names, community count and zone, as it is added and as it is corrected. */
function AttributeFields({ zones }: { zones: Zones }) {
  const { t } = useI18n();
  return (
    <>
      <Space wrap>
        <Form.Item name="nameZh" label={t('中文名称', 'Name in Chinese')} rules={[{ required: true, message: t('请填写中文名称', 'Enter the Chinese name') }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="nameEn" label={t('英文名称', 'Name in English')}><Input maxLength={200} /></Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="communityCount" label={t('社区数', 'Communities')}><InputNumber min={0} precision={0} style={{ width: 140 }} /></Form.Item>
        <ZoneField zones={zones} />
      </Space>
    </>
  );
}

/** The zone as a choice among the profile's zones where it declares them, free text where it leaves them free. */
function ZoneField({ zones }: { zones: Zones }) {
  const { t, lang } = useI18n();
  return (
    <Form.Item name="zone" label={t('片区', 'Zone')}>
      {zones ? (
        <Select allowClear style={{ width: 200 }} options={zones.map((z) => ({ value: z.code, label: lang === 'zh' ? z.labelZh : z.labelEn }))} />
      ) : (
        <Input maxLength={40} style={{ width: 200 }} />
      )}
    </Form.Item>
  );
}

type Choices = { divisions: { edges: readonly { node: Named & { id: string; level: DivisionLevel } }[] };
  districts: { edges: readonly { node: Named & { id: string; level: DivisionLevel } }[] };
  streets: { edges: readonly { node: Named & { id: string; level: DivisionLevel } }[] } };

function CreateDialog({ zones, choices, onClose }: { zones: Zones; choices?: Choices; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [, create] = useMutation(CreateDivision);
  const [level, setLevel] = useState<DivisionLevel>('STREET');
  const name = (d: Named) => (lang === 'zh' ? d.nameZh : d.nameEn || d.nameZh);
  // a division sits under one of a higher level
  const above = ORDER.slice(0, ORDER.indexOf(level));
  const parents = [...(choices?.divisions.edges ?? []), ...(choices?.districts.edges ?? []), ...(choices?.streets.edges ?? [])]
    .map((e) => e.node).filter((d) => above.includes(d.level));
  const required = (zh: string, en: string) => [{ required: true, message: t(zh, en) }];
  return (
    <FormDialog title={t('新增区划', 'Add a division')} testId="division-form"
      fields={['code', 'level', 'nameZh', 'nameEn', 'parentId', 'communityCount', 'zone']}
      initialValues={{ level: 'STREET' }} done={t('区划已新增', 'Division added')} onClose={onClose}
      submit={async (v) => {
        const r = await create({ input: { ...v, idempotencyKey: crypto.randomUUID() } as never }, { additionalTypenames: ['Division'] });
        return { error: r.error, userErrors: r.data?.createDivision?.userErrors };
      }}>
      <Form.Item name="level" label={t('层级', 'Level')} rules={required('请选择层级', 'Choose the level')}>
        <Select style={{ width: 200 }} onChange={(v: DivisionLevel) => setLevel(v)}
          options={ORDER.map((l) => ({ value: l, label: levelLabel(lang, l) }))} />
      </Form.Item>
      <Form.Item name="parentId" label={t('上级区划', 'Under')}
        rules={level === 'STREET' || level === 'COMMUNITY' ? required('请选择上级区划', 'Choose the division above') : []}>
        <Select allowClear showSearch optionFilterProp="label" options={parents.map((d) => ({ value: d.id, label: name(d) }))} />
      </Form.Item>
      <Form.Item name="code" label={t('代码', 'Code')} extra={t('小写字母开头，可含数字、_ 和 -', 'Lower-case letters first; digits, _ and - allowed')}
        rules={required('请填写代码', 'Enter the code')}>
        <Input maxLength={64} style={{ width: 240 }} />
      </Form.Item>
      <AttributeFields zones={zones} />
    </FormDialog>
  );
}

/**
 * Names, community count and zone. A field emptied is removed (sent as null); the count and zone
 * take effect from the day given, so compliance of earlier days keeps what held then.
 */
function EditDialog({ division, zones, onClose }: { division: Editable; zones: Zones; onClose: () => void }) {
  const { t } = useI18n();
  const [, update] = useMutation(UpdateDivision);
  const before: Record<string, unknown> = {
    nameZh: division.nameZh, nameEn: division.nameEn ?? undefined,
    communityCount: division.communityCount ?? undefined, zone: division.zone ?? undefined,
  };
  return (
    <FormDialog title={`${t('修改区划', 'Edit the division')}：${division.nameZh}`} testId="division-edit-form"
      fields={['nameZh', 'nameEn', 'communityCount', 'zone', 'attributesEffectiveOn']}
      initialValues={before} done={t('区划已修改', 'Division changed')} onClose={onClose}
      submit={async (v) => {
        const input: Record<string, unknown> = { id: division.id, version: division.version };
        // only what changed is sent: an emptied field as null, which removes it
        for (const key of ['nameZh', 'nameEn', 'communityCount', 'zone']) {
          if (v[key] !== before[key]) input[key] = v[key] ?? null;
        }
        if (v.attributesEffectiveOn) input.attributesEffectiveOn = v.attributesEffectiveOn;
        const r = await update({ input: input as never });
        return { error: r.error, userErrors: r.data?.updateDivision?.userErrors };
      }}>
      <AttributeFields zones={zones} />
      <Form.Item name="attributesEffectiveOn" label={t('社区数、片区变更生效日期', 'Community count and zone change from')}
        extra={t('留空即今天；此前日期的合规检查仍按原值', 'Today when blank; compliance on earlier days keeps the values of then')}>
        <Input type="date" style={{ width: 200 }} />
      </Form.Item>
    </FormDialog>
  );
}
