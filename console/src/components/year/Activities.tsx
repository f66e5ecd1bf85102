import { useState } from 'react';
import { App, Button, Card, Col, Empty, Form, Input, InputNumber, Modal, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { Pending } from '../Status';
import { ENUMS, useI18n } from '../../i18n';
import { filled, startOfYear, termsOf, useFormMutation, useYearRights } from './common';
import { valuesOf } from '../../api/forms';

const ActivitiesQuery = graphql(`
  query StationActivities($id: ID!, $from: Date!, $to: Date!) {
    policyProfile {
      id
      vocabularies {
        activityKinds { code labelZh labelEn }
        beneficiaryCategories { code labelZh labelEn }
      }
    }
    node(id: $id) {
      __typename
      ... on Station {
        id
        activities(from: $from, to: $to) {
          from to hours volunteers volunteerHours
          beneficiaries { code count }
          byKind { code count }
          records {
            id kind title heldOn hours volunteers volunteerHours recordedBy
            beneficiaries { code count }
            workers { id name }
            project { id name }
          }
        }
      }
    }
  }
`);

const ActivityPickers = graphql(`
  query ActivityPickers($id: ID!) {
    node(id: $id) {
      __typename
      ... on Station {
        id
        projects { id name year }
        assignments { id worker { id name } }
      }
    }
  }
`);

const RecordActivity = graphql(`
  mutation RecordActivity($input: RecordActivityInput!) {
    recordActivity(input: $input) {
      activity { id heldOn station { id } }
      userErrors { field code message }
    }
  }
`);

/** A station's activity records over a period with their totals, and recording one. */
export default function Activities({ stationId, today }: { stationId: string; today: string }) {
  const { t, lang } = useI18n();
  const rights = useYearRights(stationId);
  const [from, setFrom] = useState(startOfYear(today));
  const [to, setTo] = useState(today);
  const [recording, setRecording] = useState(false);
  const [{ data, fetching, error }] = useQuery({ query: ActivitiesQuery, variables: { id: stationId, from, to }, pause: !from || !to });
  const vocab = data?.policyProfile?.vocabularies;
  const kinds = termsOf(lang, vocab?.activityKinds, ENUMS.activityKind);
  const categories = termsOf(lang, vocab?.beneficiaryCategories, ENUMS.beneficiary);
  const s = data?.node?.__typename === 'Station' ? data.node : null;
  const a = s?.activities;
  const served = a?.beneficiaries.reduce((n, b) => n + b.count, 0) ?? 0;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space wrap>
          <label>{t('自', 'From')} <Input type="date" aria-label={t('起始日期', 'From')} value={from} onChange={(e) => setFrom(e.target.value)} style={{ width: 150 }} /></label>
          <label>{t('至', 'to')} <Input type="date" aria-label={t('截止日期', 'To')} value={to} onChange={(e) => setTo(e.target.value)} style={{ width: 150 }} /></label>
        </Space>
        {rights.record && (
          <Button type="primary" data-testid="activity-record" onClick={() => setRecording(true)}>{t('记录服务', 'Record an activity')}</Button>
        )}
      </Space>
      {!a ? <Pending fetching={fetching} error={error} /> : (
        <>
          {error && <Pending fetching={false} error={error} />}
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="activity-totals">
            <Col xs={12} md={4}><Statistic title={t('服务记录', 'Records')} value={a.records.length} /></Col>
            <Col xs={12} md={4}><Statistic title={t('服务时长（小时）', 'Hours')} value={a.hours} /></Col>
            <Col xs={12} md={4}><Statistic title={t('服务人次', 'People served')} value={served} /></Col>
            <Col xs={12} md={4}><Statistic title={t('志愿者（人次）', 'Volunteers')} value={a.volunteers} /></Col>
            <Col xs={12} md={4}><Statistic title={t('志愿服务时长', 'Volunteer hours')} value={a.volunteerHours} /></Col>
          </Row>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} md={12}>
              <Card size="small" title={t('按服务类型', 'By kind')}>
                {a.byKind.length === 0 ? <Typography.Text type="secondary">—</Typography.Text>
                  : a.byKind.map((k) => <Tag key={k.code}>{kinds.name(k.code)}：{k.count}</Tag>)}
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small" title={t('按服务对象', 'By people served')}>
                {a.beneficiaries.length === 0 ? <Typography.Text type="secondary">—</Typography.Text>
                  : a.beneficiaries.map((b) => <Tag key={b.code}>{categories.name(b.code)}：{b.count}</Tag>)}
              </Card>
            </Col>
          </Row>
          <Table size="small" rowKey="id" scroll={{ x: 800 }} dataSource={[...a.records].reverse()} pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty description={t('该期间没有服务记录', 'No activity in this period')} /> }}
            columns={[
              { title: t('日期', 'Date'), dataIndex: 'heldOn', width: 110 },
              { title: t('类型', 'Kind'), render: (_, r) => kinds.name(r.kind) },
              { title: t('内容', 'What'), dataIndex: 'title' },
              { title: t('时长', 'Hours'), dataIndex: 'hours', width: 70 },
              { title: t('服务对象', 'Served'), render: (_, r) => r.beneficiaries.map((b) => `${categories.name(b.code)} ${b.count}`).join('、') || '—' },
              { title: t('社工', 'Workers'), render: (_, r) => r.workers.map((w) => w.name).join('、') || '—' },
              { title: t('志愿者', 'Volunteers'), render: (_, r) => (r.volunteers ? `${r.volunteers} / ${r.volunteerHours}h` : '—') },
              { title: t('项目', 'Project'), render: (_, r) => r.project?.name ?? '—' },
            ]} />
        </>
      )}
      {recording && (
        <RecordDialog stationId={stationId} today={today} kinds={kinds.options} categories={categories.options}
          onClose={() => setRecording(false)} />
      )}
    </>
  );
}

type Option = { value: string; label: string };

function RecordDialog({ stationId, today, kinds, categories, onClose }: {
  stationId: string; today: string; kinds: Option[]; categories: Option[]; onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [, record] = useMutation(RecordActivity);
  const { run, busy, alerts } = useFormMutation(form, ['projectId', 'kind', 'title', 'heldOn', 'hours', 'workerIds', 'volunteers', 'volunteerHours']);
  const [{ data }] = useQuery({ query: ActivityPickers, variables: { id: stationId }, pause: busy });
  const s = data?.node?.__typename === 'Station' ? data.node : null;
  const save = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    const beneficiaries = (v.beneficiaries ?? [])
      .filter((b?: { category?: string }) => b?.category)
      .map((b: { category: string; count?: number | null }) => ({ category: b.category, count: b.count ?? 0 }));
    const ok = await run(() => record({ input: { ...filled({ ...v, beneficiaries: undefined }), beneficiaries, stationId } }), (d) => d.recordActivity);
    if (ok) {
      message.success(t('服务记录已保存', 'Activity recorded'));
      onClose();
    }
  };
  return (
    <Modal open title={t('记录服务', 'Record an activity')} onCancel={onClose} onOk={save} confirmLoading={busy} width={640}
      okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')} destroyOnHidden>
      {alerts}
      <Form form={form} layout="vertical" name="record-activity"
        initialValues={{ heldOn: today, volunteers: 0, volunteerHours: 0, beneficiaries: [{}] }}>
        <Space wrap>
          <Form.Item name="kind" label={t('服务类型', 'Kind')} rules={[{ required: true, message: t('请选择服务类型', 'Choose a kind') }]}>
            <Select style={{ width: 180 }} options={kinds} />
          </Form.Item>
          <Form.Item name="heldOn" label={t('服务日期', 'Held on')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
          <Form.Item name="hours" label={t('时长（小时）', 'Hours')} rules={[{ required: true, message: t('请填写时长', 'Enter the hours') }]}>
            <InputNumber style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('服务内容', 'What it was')} rules={[{ required: true, message: t('请填写服务内容', 'Say what it was') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="projectId" label={t('所属项目', 'Project')}>
          <Select allowClear options={(s?.projects ?? []).map((p) => ({ value: p.id, label: `${p.year} · ${p.name}` }))} />
        </Form.Item>
        <Form.Item name="workerIds" label={t('服务社工', 'Workers')}>
          <Select mode="multiple" allowClear options={(s?.assignments ?? []).map((x) => ({ value: x.worker.id, label: x.worker.name }))} />
        </Form.Item>
        <Typography.Text strong>{t('服务对象（人数，不含个人信息）', 'People served (counts only, no personal data)')}</Typography.Text>
        <Form.List name="beneficiaries">
          {(rows, { add, remove }) => (
            <div style={{ margin: '8px 0 16px' }}>
              {rows.map((row, i) => (
                <Space key={row.key} align="baseline" wrap>
                  <Form.Item name={[row.name, 'category']} label={t(`类别 ${i + 1}`, `Category ${i + 1}`)}>
                    <Select style={{ width: 180 }} options={categories} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'count']} label={t(`人数 ${i + 1}`, `People ${i + 1}`)}>
                    <InputNumber style={{ width: 100 }} precision={0} />
                  </Form.Item>
                  <Button type="text" aria-label={t('删除该类别', 'Remove this category')} icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>{t('添加类别', 'Add a category')}</Button>
            </div>
          )}
        </Form.List>
        <Space wrap>
          <Form.Item name="volunteers" label={t('志愿者人数', 'Volunteers')}><InputNumber style={{ width: 120 }} precision={0} /></Form.Item>
          <Form.Item name="volunteerHours" label={t('志愿服务时长（小时）', 'Volunteer hours')}><InputNumber style={{ width: 120 }} /></Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
