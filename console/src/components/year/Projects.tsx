import { useState } from 'react';
import { Alert, App, Button, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { Pending } from '../Status';
import { ENUMS, enumLabel, useI18n } from '../../i18n';
import { filled, useFormMutation, useYearRights } from './common';
import { valuesOf } from '../../api/forms';

const ProjectsQuery = graphql(`
  query StationProjects($id: ID!) {
    node(id: $id) {
      __typename
      ... on Station {
        id
        servicePlans { id year projects { name slot item } }
        projects {
          id year name slot item stage startsOn operator budget targetBeneficiaries targetSessions version
          stages { stage on }
          responsibleWorker { id name }
        }
        assignments { id worker { id name } }
      }
    }
  }
`);

const StartProject = graphql(`
  mutation StartStationProject($input: StartStationProjectInput!) {
    startStationProject(input: $input) {
      project { id stage station { id } }
      userErrors { field code message }
    }
  }
`);

const AdvanceProject = graphql(`
  mutation AdvanceStationProject($input: AdvanceStationProjectInput!) {
    advanceStationProject(input: $input) {
      project { id stage version stages { stage on } }
      userErrors { field code message }
    }
  }
`);

const STAGES = Object.keys(ENUMS.projectStage);

type Project = { id: string; name: string; stage: string; version: number; stages: readonly { stage: string; on: string }[] };

/** A station's projects, where its plan places them, and their stage in the project cycle. */
export default function Projects({ stationId, today }: { stationId: string; today: string }) {
  const { t, lang } = useI18n();
  const rights = useYearRights(stationId);
  const [{ data, fetching, error }] = useQuery({ query: ProjectsQuery, variables: { id: stationId } });
  const [starting, setStarting] = useState(false);
  const [advancing, setAdvancing] = useState<Project | null>(null);
  if (!data) return <Pending fetching={fetching} error={error} />;
  const s = data.node?.__typename === 'Station' ? data.node : null;
  if (!s) return <Pending fetching={false} empty />;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Text type="secondary">
          {t('项目按年度服务计划的栏目开展，经历调研、策划、实施、评估、长效开展五个阶段。',
            'Projects run in the slots of the yearly service plan, through research, planning, implementation, evaluation and long-term operation.')}
        </Typography.Text>
        {rights.record && (
          <Button type="primary" data-testid="project-start" onClick={() => setStarting(true)}>{t('启动项目', 'Start a project')}</Button>
        )}
      </Space>
      <Table size="small" rowKey="id" pagination={false} scroll={{ x: 800 }} dataSource={s.projects}
        locale={{ emptyText: <Empty description={t('尚无项目', 'No projects yet')} /> }}
        columns={[
          { title: t('年度', 'Year'), dataIndex: 'year', width: 70 },
          { title: t('项目', 'Project'), dataIndex: 'name' },
          { title: t('栏目', 'Slot'), render: (_, p) => (p.item ? `${p.slot} / ${p.item}` : p.slot) },
          {
            title: t('阶段', 'Stage'),
            // each stage reached with its day, the current one marked
            render: (_, p) => (
              <Space wrap size={4}>
                {p.stages.map((x) => (
                  <Tag key={x.stage} color={x.stage === p.stage ? 'blue' : undefined}>
                    {enumLabel(lang, ENUMS.projectStage, x.stage)} {x.on}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: t('负责社工', 'Responsible'), render: (_, p) => p.responsibleWorker?.name ?? '—' },
          { title: t('目标', 'Targets'), render: (_, p) => t(`${p.targetBeneficiaries ?? '—'} 人 / ${p.targetSessions ?? '—'} 场`, `${p.targetBeneficiaries ?? '—'} people / ${p.targetSessions ?? '—'} sessions`) },
          {
            title: t('操作', 'Actions'),
            render: (_, p) => rights.record && p.stage !== 'LONG_TERM' && (
              <Button size="small" onClick={() => setAdvancing(p)} data-testid="project-advance">{t('推进阶段', 'Advance')}</Button>
            ),
          },
        ]} />
      {starting && (
        <StartDialog stationId={stationId} today={today} plans={s.servicePlans}
          workers={s.assignments.map((a) => a.worker)} onClose={() => setStarting(false)} />
      )}
      {advancing && <AdvanceDialog project={advancing} today={today} onClose={() => setAdvancing(null)} />}
    </>
  );
}

type Plan = { year: number; projects: readonly { name: string; slot: string; item?: string | null }[] };

function StartDialog({ stationId, today, plans, workers, onClose }: {
  stationId: string; today: string; plans: readonly Plan[]; workers: readonly { id: string; name: string }[]; onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [, start] = useMutation(StartProject);
  const fields = ['year', 'name', 'slot', 'item', 'stage', 'startsOn', 'responsibleWorkerId', 'operator', 'budget', 'targetBeneficiaries', 'targetSessions'];
  const { run, busy, alerts } = useFormMutation(form, fields);
  const year: number | undefined = Form.useWatch('year', form);
  const plan = plans.find((p) => p.year === year);
  const save = async () => {
    const values = await valuesOf(form);
    if (!values) return;
    const { planned, ...v } = values;
    void planned;
    const ok = await run(() => start({ input: { ...filled(v), stationId } }), (d) => d.startStationProject);
    if (ok) {
      message.success(t('项目已启动', 'Project started'));
      onClose();
    }
  };
  // choosing a project of the plan fills its slot, item and name
  const pick = (index: number) => {
    const p = plan?.projects[index];
    if (p) form.setFieldsValue({ slot: p.slot, item: p.item ?? undefined, name: p.name });
  };
  return (
    <Modal open title={t('启动项目', 'Start a project')} onCancel={onClose} onOk={save} confirmLoading={busy}
      okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')} destroyOnHidden>
      {alerts}
      {plans.length === 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }}
          title={t('本站尚无年度服务计划：项目须放在计划的栏目中。', 'The station has no service plan yet: a project sits in a slot of its plan.')} />
      )}
      <Form form={form} layout="vertical" name="start-project"
        initialValues={{ year: plans[0]?.year ?? Number(today.slice(0, 4)), stage: 'RESEARCH', startsOn: today }}>
        <Form.Item name="year" label={t('计划年度', 'Plan year')} rules={[{ required: true }]}>
          <Select options={plans.map((p) => ({ value: p.year, label: String(p.year) }))} />
        </Form.Item>
        <Form.Item name="planned" label={t('计划中的项目', 'Project of the plan')}>
          <Select onChange={pick} placeholder={t('选择计划中的项目', 'Choose a project of the plan')}
            options={(plan?.projects ?? []).map((p, i) => ({ value: i, label: `${p.name}（${p.slot}${p.item ? ` / ${p.item}` : ''}）` }))} />
        </Form.Item>
        <Form.Item name="name" label={t('项目名称', 'Name')} rules={[{ required: true, message: t('请填写名称', 'Enter a name') }]}><Input maxLength={200} /></Form.Item>
        <Space wrap>
          <Form.Item name="slot" label={t('栏目', 'Slot')} rules={[{ required: true, message: t('请选择计划中的项目', 'Choose a project of the plan') }]}><Input readOnly /></Form.Item>
          <Form.Item name="item" label={t('子项', 'Item')}><Input readOnly /></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="stage" label={t('当前阶段', 'Stage reached')}>
            <Select style={{ width: 160 }} options={STAGES.map((s) => ({ value: s, label: enumLabel(lang, ENUMS.projectStage, s) }))} />
          </Form.Item>
          <Form.Item name="startsOn" label={t('开始日期', 'Starts on')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
        </Space>
        <Form.Item name="responsibleWorkerId" label={t('负责社工', 'Responsible worker')}>
          <Select allowClear options={workers.map((w) => ({ value: w.id, label: w.name }))} />
        </Form.Item>
        <Form.Item name="operator" label={t('承接机构（购买服务时）', 'Operator (where purchased)')}><Input maxLength={200} /></Form.Item>
        <Space wrap>
          <Form.Item name="budget" label={t('预算（元）', 'Budget (yuan)')}><InputNumber style={{ width: 140 }} /></Form.Item>
          <Form.Item name="targetBeneficiaries" label={t('目标服务人数', 'Target people')}><InputNumber style={{ width: 120 }} precision={0} /></Form.Item>
          <Form.Item name="targetSessions" label={t('目标场次', 'Target sessions')}><InputNumber style={{ width: 120 }} precision={0} /></Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function AdvanceDialog({ project, today, onClose }: { project: Project; today: string; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [, advance] = useMutation(AdvanceProject);
  const { run, busy, alerts } = useFormMutation(form, ['stage', 'on']);
  const later = STAGES.slice(STAGES.indexOf(project.stage) + 1);
  const save = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    const ok = await run(() => advance({ input: { id: project.id, version: project.version, stage: v.stage, on: v.on } }), (d) => d.advanceStationProject);
    if (ok) {
      message.success(t('阶段已更新', 'Stage recorded'));
      onClose();
    }
  };
  return (
    <Modal open title={`${t('推进阶段', 'Advance')}：${project.name}`} onCancel={onClose} onOk={save} confirmLoading={busy}
      okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')} destroyOnHidden>
      {alerts}
      <Form form={form} layout="vertical" name="advance-project" initialValues={{ stage: later[0], on: today }}>
        <Form.Item name="stage" label={t('进入阶段', 'Stage reached')} rules={[{ required: true }]}>
          <Select options={later.map((s) => ({ value: s, label: enumLabel(lang, ENUMS.projectStage, s) }))} />
        </Form.Item>
        <Form.Item name="on" label={t('日期', 'On')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
      </Form>
    </Modal>
  );
}
