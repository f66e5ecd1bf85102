import { useState } from 'react';
import { Alert, Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { FormDialog } from '../FormDialog';
import { Rows } from '../Rows';
import { Pending } from '../Status';
import { SeverityTag } from '../Tags';
import { useI18n } from '../../i18n';
import { useYearRights } from './common';
import { planDay } from './terms';

const PlanQuery = graphql(`
  query StationPlan($id: ID!, $on: Date) {
    node(id: $id) {
      __typename
      ... on Station {
        id
        kind { code }
        servicePlans { id year version projects { name slot item description } }
      }
    }
    policyProfile(on: $on) {
      id
      catalogue {
        models {
          code labelZh labelEn kinds source wording severity
          slots { code labelZh labelEn minimum maximum eachItem items { code labelZh labelEn } }
        }
      }
    }
  }
`);

const SavePlan = graphql(`
  mutation ConsoleSaveServicePlan($input: SaveServicePlanInput!) {
    saveServicePlan(input: $input) {
      plan { id year version station { id } }
      userErrors { field code message }
    }
  }
`);

type Labelled = { code: string; labelZh: string; labelEn?: string | null };
type Slot = Labelled & { minimum: number; maximum?: number | null; eachItem: boolean; items: readonly Labelled[] };
type PlannedProject = { name: string; slot: string; item?: string | null; description?: string | null };

/** How many projects a slot takes, in words: "1", "3", "at least 1", "any number". */
function countOf(slot: Slot, t: (zh: string, en: string) => string): string {
  const { minimum, maximum } = slot;
  if (maximum == null) return minimum > 0 ? t(`至少 ${minimum} 个`, `at least ${minimum}`) : t('不限', 'any number');
  return minimum === maximum ? t(`${minimum} 个`, `${minimum}`) : t(`${minimum}–${maximum} 个`, `${minimum} to ${maximum}`);
}

/**
 * A station's annual service plan: the slots of the model its kind follows (Wuhan's "1+4+N",
 * Shangcheng's "123N", ...) with the projects planned in each and whether the count meets the
 * model, and the plan's editor. The station's compliance weighs a miss as the model's words set.
 */
export default function Plan({ stationId, today }: { stationId: string; today: string }) {
  const { t, lang } = useI18n();
  const rights = useYearRights(stationId);
  const current = Number(today.slice(0, 4));
  const [year, setYear] = useState(current);
  const [editing, setEditing] = useState(false);
  const [{ data, fetching, error }] = useQuery({ query: PlanQuery, variables: { id: stationId, on: planDay(year, today) } });
  if (!data) return <Pending fetching={fetching} error={error} />;
  const s = data.node?.__typename === 'Station' ? data.node : null;
  if (!s) return <Pending fetching={false} empty />;
  const label = (x: Labelled) => (lang === 'zh' ? x.labelZh : x.labelEn || x.labelZh);
  const model = data.policyProfile?.catalogue.models.find((m) => m.kinds.includes(s.kind.code));
  const plan = s.servicePlans.find((p) => p.year === year);
  const projects: readonly PlannedProject[] = plan?.projects ?? [];
  const years = [...new Set([current + 1, current, ...s.servicePlans.map((p) => p.year)])].sort((a, b) => b - a);
  const itemLabel = (slot: Slot | undefined, code?: string | null) => {
    const item = slot?.items.find((i) => i.code === code);
    return item ? label(item) : code;
  };
  const slots = model?.slots ?? [];
  // projects in a slot the model no longer has (a revision changed it) are listed last
  const stray = projects.filter((p) => !slots.some((x) => x.code === p.slot));
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space wrap>
          <Select aria-label={t('计划年度', 'Plan year')} value={year} onChange={setYear} style={{ width: 110 }}
            options={years.map((y) => ({ value: y, label: t(`${y} 年`, String(y)) }))} />
          {model && (
            <Typography.Text data-testid="plan-model">
              {label(model)} <Typography.Text type="secondary">{model.source}</Typography.Text> <SeverityTag severity={model.severity} />
            </Typography.Text>
          )}
        </Space>
        {rights.record && model && (
          <Button type="primary" data-testid="plan-edit" onClick={() => setEditing(true)}>
            {plan ? t('修改计划', 'Edit the plan') : t('编制计划', 'Write the plan')}
          </Button>
        )}
      </Space>
      {!model && (
        <Alert type="info" showIcon title={t('现行服务目录没有适用于本类站点的服务模式，无需编制年度服务计划。',
          'The catalogue in force has no service model for this kind of station: it writes no plan.')} />
      )}
      {model && !plan && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t(`${year} 年度服务计划尚未编制。`, `No plan for ${year} yet.`)} />
      )}
      {model && (
        <Table size="small" rowKey="code" pagination={false} data-testid="plan-slots" dataSource={slots}
          columns={[
            { title: t('栏目', 'Slot'), width: '46%', render: (_, x) => label(x) },
            { title: t('要求', 'Takes'), width: 110, render: (_, x) => countOf(x, t) },
            {
              title: t('已计划项目', 'Projects planned'),
              render: (_, x) => {
                const mine = projects.filter((p) => p.slot === x.code);
                return mine.length === 0 ? '—' : (
                  <Space direction="vertical" size={0}>
                    {mine.map((p, i) => <span key={i}>{p.name}{p.item ? `（${itemLabel(x, p.item)}）` : ''}</span>)}
                  </Space>
                );
              },
            },
            {
              title: t('对照', 'Against the model'),
              width: 110,
              render: (_, x) => {
                const n = projects.filter((p) => p.slot === x.code).length;
                const missing = x.eachItem ? x.items.filter((i) => !projects.some((p) => p.slot === x.code && p.item === i.code)) : [];
                if (n < x.minimum || missing.length) return <Tag color="orange">{t(`不足（${n}）`, `short (${n})`)}</Tag>;
                if (x.maximum != null && n > x.maximum) return <Tag color="orange">{t(`超出（${n}）`, `over (${n})`)}</Tag>;
                return <Tag color="green">{t(`符合（${n}）`, `meets (${n})`)}</Tag>;
              },
            },
          ]} />
      )}
      {stray.length > 0 && (
        <Alert type="warning" showIcon style={{ marginTop: 12 }}
          title={t('以下项目所在栏目已不在现行服务模式中：', 'These projects sit in slots the model no longer has: ')
            + stray.map((p) => `${p.name}（${p.slot}）`).join('、')} />
      )}
      {editing && model && (
        <PlanDialog stationId={stationId} year={year} version={plan?.version} projects={projects} slots={slots}
          onClose={() => setEditing(false)} />
      )}
    </>
  );
}

/** The plan's projects row by row, each in a slot of the model and, where the slot has items, one of them. */
function PlanDialog({ stationId, year, version, projects, slots, onClose }: {
  stationId: string; year: number; version?: number; projects: readonly PlannedProject[]; slots: readonly Slot[]; onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const [, save] = useMutation(SavePlan);
  const label = (x: Labelled) => (lang === 'zh' ? x.labelZh : x.labelEn || x.labelZh);
  const required = (zh: string, en: string) => [{ required: true, message: t(zh, en) }];
  const initial = projects.map((p) => ({ name: p.name, slot: p.slot, item: p.item ?? undefined, description: p.description ?? undefined }));
  return (
    <FormDialog title={t(`${year} 年度服务计划`, `Service plan for ${year}`)} fields={[]} lists={['projects']}
      testId="plan-form" width={860} initialValues={{ projects: initial }} done={t('服务计划已保存', 'Plan saved')} onClose={onClose}
      submit={async (v) => {
        const rows = ((v.projects as PlannedProject[] | undefined) ?? []).map((p) => ({
          name: p.name, slot: p.slot, item: p.item || null, description: p.description || null,
        }));
        const r = await save({ input: { stationId, year, version, projects: rows } });
        return { error: r.error, userErrors: r.data?.saveServicePlan?.userErrors };
      }}>
      <Rows name="projects" title={t('项目', 'Projects')} add={t('添加项目', 'Add a project')}>
        {(row, n) => (
          <>
            <Form.Item name={[row, 'slot']} label={t(`项目${n}栏目`, `Project ${n} slot`)} rules={required('请选择栏目', 'Choose the slot')}>
              <SlotSelect row={row} options={slots.map((x) => ({ value: x.code, label: label(x) }))} />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.projects?.[row]?.slot !== b.projects?.[row]?.slot}>
              {({ getFieldValue }) => {
                const slot = slots.find((x) => x.code === getFieldValue(['projects', row, 'slot']));
                return slot && slot.items.length > 0 ? (
                  <Form.Item name={[row, 'item']} label={t(`项目${n}子项`, `Project ${n} item`)} rules={required('请选择子项', 'Choose the item')}>
                    <Select style={{ width: 160 }} popupMatchSelectWidth={false}
                      options={slot.items.map((i) => ({ value: i.code, label: label(i) }))} />
                  </Form.Item>
                ) : null;
              }}
            </Form.Item>
            <Form.Item name={[row, 'name']} label={t(`项目${n}名称`, `Project ${n} name`)} rules={required('请填写项目名称', 'Enter the name')}>
              <Input maxLength={200} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name={[row, 'description']} label={t(`项目${n}内容`, `Project ${n} description`)}>
              <Input maxLength={4000} style={{ width: 160 }} />
            </Form.Item>
          </>
        )}
      </Rows>
    </FormDialog>
  );
}

/** A row's slot: choosing another clears the row's item, which belonged to the slot before. */
function SlotSelect({ row, options, id, value, onChange }: {
  row: number; options: { value: string; label: string }[]; id?: string; value?: string; onChange?: (v: string) => void;
}) {
  const form = Form.useFormInstance();
  // the id Form.Item hands its control is what the row's label points to
  return (
    <Select id={id} style={{ width: 220 }} popupMatchSelectWidth={false} options={options} value={value}
      onChange={(v: string) => {
        form.setFieldValue(['projects', row, 'item'], undefined);
        onChange?.(v);
      }} />
  );
}
