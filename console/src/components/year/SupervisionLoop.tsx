import { useState } from 'react';
import { App, AutoComplete, Button, Card, Empty, Form, Input, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { Pending } from '../Status';
import { ENUMS, enumLabel, enumOptions, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { filled, useFormMutation, useYearRights } from './common';
import { valuesOf } from '../../api/forms';

const LoopQuery = graphql(`
  query SupervisionLoop($id: ID!) {
    node(id: $id) {
      __typename
      ... on Station {
        id name
        compliance { on findings { rule messageZh messageEn } }
        supervisionVisits {
          id visitedOn kind supervisor findings recordedBy
          recordedFindings {
            id description rule rectifyBy status overdue reportedOn report reinspectedOn reinspectionNote version
          }
        }
      }
    }
  }
`);

const RecordVisit = graphql(`
  mutation RecordSupervisionVisitFromConsole($input: RecordSupervisionVisitInput!) {
    recordSupervisionVisit(input: $input) {
      visit { id station { id } }
      userErrors { field code message }
    }
  }
`);


const AddFinding = graphql(`
  mutation AddSupervisionFinding($input: AddSupervisionFindingInput!) {
    addSupervisionFinding(input: $input) {
      finding { id status version visit { id } station { id } }
      userErrors { field code message }
    }
  }
`);

const ReportRectification = graphql(`
  mutation ReportRectification($input: ReportRectificationInput!) {
    reportRectification(input: $input) {
      finding { id status version reportedOn report station { id } }
      userErrors { field code message }
    }
  }
`);

const Reinspect = graphql(`
  mutation ReinspectRectification($input: ReinspectRectificationInput!) {
    reinspectRectification(input: $input) {
      finding { id status version reinspectedOn reinspectionNote station { id } }
      userErrors { field code message }
    }
  }
`);

export const FINDING_COLOR: Record<string, string> = { NOTED: 'default', OPEN: 'orange', REPORTED: 'blue', CLOSED: 'green' };

type Finding = { id: string; description: string; version: number; reportedOn?: string | null };
type Dialog =
  | { kind: 'visit' }
  | { kind: 'finding'; visitId: string; visitedOn: string }
  | { kind: 'report'; finding: Finding }
  | { kind: 'reinspect'; finding: Finding };

/**
 * A station's supervision loop: visits, their findings, the rectification the station reports
 * and the re-inspection that closes or reopens it. Each control shows to the roles that may use it.
 */
export default function SupervisionLoop({ stationId }: { stationId: string }) {
  const { t, lang } = useI18n();
  const rights = useYearRights(stationId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [{ data, fetching, error }] = useQuery({ query: LoopQuery, variables: { id: stationId } });
  if (!data) return <Pending fetching={fetching} error={error} />;
  const s = data.node?.__typename === 'Station' ? data.node : null;
  if (!s) return <Pending fetching={false} empty />;
  const today = s.compliance.on;
  const rules = [...new Map(s.compliance.findings.map((f) => [f.rule, lang === 'zh' ? f.messageZh : f.messageEn])).entries()];
  const close = () => setDialog(null);
  return (
    <div data-testid="supervision-loop">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Text type="secondary">
          {t('督导记录发现；需整改的发现由站点在期限内报告整改，督导复查后关闭或重新打开。',
            'A visit records findings; where one needs rectification, the station reports it by the deadline and a re-inspection closes or reopens it.')}
        </Typography.Text>
        {rights.supervise && <Button type="primary" data-testid="visit-record" onClick={() => setDialog({ kind: 'visit' })}>{t('记录督导', 'Record a visit')}</Button>}
      </Space>
      {s.supervisionVisits.length === 0 && <Empty description={t('尚无督导记录', 'No supervision visits yet')} />}
      {s.supervisionVisits.map((v) => (
        <Card key={v.id} size="small" style={{ marginBottom: 12 }} data-testid="visit"
          title={<Space wrap><span>{v.visitedOn}</span><Tag>{enumLabel(lang, ENUMS.supervisionKind, v.kind)}</Tag><span>{v.supervisor}</span></Space>}
          extra={rights.supervise && (
            <Button size="small" data-testid="finding-add" onClick={() => setDialog({ kind: 'finding', visitId: v.id, visitedOn: v.visitedOn })}>
              {t('添加发现', 'Add a finding')}
            </Button>
          )}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{v.findings}</Typography.Paragraph>
          {v.recordedFindings.map((f) => (
            <Card key={f.id} type="inner" size="small" style={{ marginBottom: 8 }} data-testid="supervision-finding"
              title={<Space wrap>
                <Tag color={FINDING_COLOR[f.status]}>{enumLabel(lang, ENUMS.findingStatus, f.status)}</Tag>
                {f.overdue && <Tag color="red">{t('整改逾期', 'Rectification overdue')}</Tag>}
                <span style={{ whiteSpace: 'normal' }}>{f.description}</span>
              </Space>}
              extra={<Space>
                {rights.record && f.status === 'OPEN' && (
                  <Button size="small" type="primary" data-testid="rectification-report" onClick={() => setDialog({ kind: 'report', finding: f })}>{t('报告整改', 'Report rectification')}</Button>
                )}
                {rights.supervise && f.status === 'REPORTED' && (
                  <Button size="small" type="primary" data-testid="reinspect" onClick={() => setDialog({ kind: 'reinspect', finding: f })}>{t('复查', 'Re-inspect')}</Button>
                )}
              </Space>}>
              {f.rule && <div>{t('涉及规则：', 'Rule: ')}{f.rule}</div>}
              <div>{f.rectifyBy ? `${t('整改期限：', 'Rectify by: ')}${f.rectifyBy}` : t('无需整改', 'No rectification required')}</div>
              {f.reportedOn && <div>{t('整改报告：', 'Reported: ')}{f.reportedOn} · {f.report}</div>}
              {f.reinspectedOn && <div>{t('复查：', 'Re-inspected: ')}{f.reinspectedOn}{f.reinspectionNote && ` · ${f.reinspectionNote}`}</div>}
            </Card>
          ))}
        </Card>
      ))}
      {dialog?.kind === 'visit' && <VisitDialog stationId={stationId} today={today} onClose={close} />}
      {dialog?.kind === 'finding' && <FindingDialog visitId={dialog.visitId} visitedOn={dialog.visitedOn} rules={rules} onClose={close} />}
      {dialog?.kind === 'report' && <ReportDialog finding={dialog.finding} onClose={close} />}
      {dialog?.kind === 'reinspect' && <ReinspectDialog finding={dialog.finding} today={today} onClose={close} />}
    </div>
  );
}

function useSaved(onClose: () => void, zh: string, en: string) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (ok: boolean) => {
    if (!ok) return;
    message.success(t(zh, en));
    onClose();
  };
}

function VisitDialog({ stationId, today, onClose }: { stationId: string; today: string; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const [form] = Form.useForm();
  const [, record] = useMutation(RecordVisit);
  const { run, busy, alerts } = useFormMutation(form, ['visitedOn', 'kind', 'supervisor', 'findings']);
  const saved = useSaved(onClose, '督导已记录', 'Visit recorded');
  // one key per dialog: a retry of the same save is answered once, never recorded twice
  const [key] = useState(() => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`));
  const save = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    saved(await run(() => record({ input: { ...v, stationId, idempotencyKey: key } }), (d) => d.recordSupervisionVisit));
  };
  return (
    <Modal open title={t('记录督导', 'Record a visit')} onCancel={onClose} onOk={save} confirmLoading={busy}
      okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')} destroyOnHidden>
      {alerts}
      <Form form={form} layout="vertical" name="record-visit"
        initialValues={{ visitedOn: today, kind: 'ON_SITE', supervisor: session.username.replace(`${session.tenant}:`, '') }}>
        <Space wrap>
          <Form.Item name="visitedOn" label={t('督导日期', 'Visited on')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
          <Form.Item name="kind" label={t('督导类型', 'Kind')} rules={[{ required: true }]}>
            <Select style={{ width: 180 }} options={enumOptions(lang, ENUMS.supervisionKind)} />
          </Form.Item>
        </Space>
        <Form.Item name="supervisor" label={t('督导人员', 'Supervisor')} rules={[{ required: true, message: t('请填写督导人员', 'Name the supervisor') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="findings" label={t('督导概况', 'Summary')} rules={[{ required: true, message: t('请填写督导概况', 'Give a summary') }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function FindingDialog({ visitId, visitedOn, rules, onClose }: { visitId: string; visitedOn: string; rules: [string, string][]; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [, add] = useMutation(AddFinding);
  const { run, busy, alerts } = useFormMutation(form, ['description', 'rule', 'rectifyBy']);
  const saved = useSaved(onClose, '发现已记录', 'Finding recorded');
  const save = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    saved(await run(() => add({ input: { ...filled(v), visitId } }), (d) => d.addSupervisionFinding));
  };
  return (
    <Modal open title={t('添加督导发现', 'Add a finding')} onCancel={onClose} onOk={save} confirmLoading={busy}
      okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')} destroyOnHidden>
      {alerts}
      <Form form={form} layout="vertical" name="add-finding">
        <Form.Item name="description" label={t('发现的问题', 'What was found')} rules={[{ required: true, message: t('请填写发现的问题', 'Say what was found') }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="rule" label={t('涉及的合规规则（可选）', 'Compliance rule (optional)')}>
          <AutoComplete allowClear maxLength={64} options={rules.map(([code, msg]) => ({ value: code, label: `${code}：${msg}` }))}
            filterOption={(input, o) => String(o?.value ?? '').includes(input)} />
        </Form.Item>
        <Form.Item name="rectifyBy" label={t('整改期限（不填则无需整改）', 'Rectify by (leave empty when none is required)')}
          extra={t(`不早于督导日期 ${visitedOn}`, `Not before the visit, ${visitedOn}`)}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReportDialog({ finding, onClose }: { finding: Finding; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [, report] = useMutation(ReportRectification);
  const { run, busy, alerts } = useFormMutation(form, ['report']);
  const saved = useSaved(onClose, '整改已报告', 'Rectification reported');
  const save = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    saved(await run(() => report({ input: { id: finding.id, version: finding.version, report: v.report } }), (d) => d.reportRectification));
  };
  return (
    <Modal open title={t('报告整改', 'Report rectification')} onCancel={onClose} onOk={save} confirmLoading={busy}
      okText={t('提交', 'Submit')} cancelText={t('取消', 'Cancel')} destroyOnHidden>
      {alerts}
      <Typography.Paragraph>{finding.description}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="report-rectification">
        <Form.Item name="report" label={t('整改情况', 'What was done')} rules={[{ required: true, message: t('请填写整改情况', 'Say what was done') }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReinspectDialog({ finding, today, onClose }: { finding: Finding; today: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [, reinspect] = useMutation(Reinspect);
  const { run, busy, alerts } = useFormMutation(form, ['closed', 'on', 'note']);
  const saved = useSaved(onClose, '复查已记录', 'Re-inspection recorded');
  const closed: boolean | undefined = Form.useWatch('closed', form);
  const save = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    saved(await run(() => reinspect({ input: { ...filled(v), closed: v.closed, id: finding.id, version: finding.version } }), (d) => d.reinspectRectification));
  };
  return (
    <Modal open title={t('复查整改', 'Re-inspect the rectification')} onCancel={onClose} onOk={save} confirmLoading={busy}
      okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')} destroyOnHidden>
      {alerts}
      <Typography.Paragraph>{finding.description}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="reinspect" initialValues={{ closed: true, on: today }}>
        <Form.Item name="closed" label={t('复查结论', 'Outcome')}>
          <Radio.Group options={[
            { value: true, label: t('整改到位，关闭', 'Rectified: close') },
            { value: false, label: t('未到位，重新打开', 'Not rectified: reopen') },
          ]} />
        </Form.Item>
        <Form.Item name="on" label={t('复查日期', 'Re-inspected on')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
        <Form.Item name="note" label={t('复查意见', 'Note')}
          rules={[{ required: closed === false, message: t('重新打开须说明仍存在的问题', 'Say what is still wrong') }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
