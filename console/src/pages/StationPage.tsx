import { useEffect, useState } from 'react';
import { FormDialog } from '../components/FormDialog';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, List, Modal, Row, Select, Space, Switch, Table, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { describeError, fieldErrors } from '../api/errors';
import { NotFoundResult, Pending } from '../components/Status';
import { SeverityTag, StandingTag, StatusTag } from '../components/Tags';
import { StationForm } from '../components/StationForm';
import StationYear from '../components/StationYear';
import { ENUMS, enumLabel, enumOptions, useI18n } from '../i18n';
import { useRights } from '../session';
import Designations from '../components/Designations';
import HostFacilities from '../components/HostFacilities';
import { valuesOf } from '../api/forms';

const StationQuery = graphql(`
  query StationPage($id: ID!) {
    policyProfile {
      vocabularies {
        rooms { code labelZh labelEn }
        rules { code labelZh labelEn }
        domains { code labelZh labelEn }
      }
    }
    node(id: $id) {
      __typename
      ... on Station {
        id code name version status statusSince operatingMode domain hostFacility address rooms rules
        kind {
          code labelZh labelEn
          requiredRooms { code labelZh labelEn source }
          requiredRules { code labelZh labelEn source }
        }
        division { id nameZh nameEn communityCount zone }
        parent { id name }
        statusHistory { status effectiveOn note recordedBy recordedAt }
        supervisionVisits { id visitedOn kind supervisor findings }
        assignments(includeEnded: true) {
          id role startsOn endsOn fullTime current version
          worker { id name certificateLevel }
        }
        compliance {
          on standing compliant violations advisories
          profile { revision }
          findings { rule severity messageZh messageEn source wording bureauSetting unevaluated workers { id name } }
        }
      }
    }
  }
`);

const WorkersForPicker = graphql(`
  query WorkerPicker($text: String) {
    workers(first: 30, filter: { text: $text }) { edges { node { id name certificateLevel } } }
  }
`);

const AssignWorker = graphql(`
  mutation AssignWorker($input: AssignWorkerInput!) {
    assignWorker(input: $input) {
      assignment { id current station { id } worker { id } }
      userErrors { field code message }
    }
  }
`);

const ChangeStatus = graphql(`
  mutation ChangeStationStatus($input: ChangeStationStatusInput!) {
    changeStationStatus(input: $input) {
      station { id version status statusSince statusHistory { status effectiveOn note recordedBy recordedAt } }
      userErrors { field code message }
    }
  }
`);

const CloseStation = graphql(`
  mutation CloseStation($input: CloseStationInput!) {
    closeStation(input: $input) {
      station { id version status statusSince }
      userErrors { field code message }
    }
  }
`);

const EndAssignment = graphql(`
  mutation EndAssignment($input: EndAssignmentInput!) {
    endAssignment(input: $input) {
      assignment { id endsOn current version station { id } worker { id } }
      userErrors { field code message }
    }
  }
`);

const RecordVisit = graphql(`
  mutation RecordSupervisionVisit($input: RecordSupervisionVisitInput!) {
    recordSupervisionVisit(input: $input) {
      visit { id visitedOn kind supervisor findings station { id } }
      userErrors { field code message }
    }
  }
`);

// The life cycle as the service allows it (see changeStationStatus); closing has its own dialog.
const NEXT: Record<string, string[]> = {
  PLANNED: ['SITE_SELECTED'],
  SITE_SELECTED: ['SIGNED'],
  SIGNED: ['OPERATING'],
  OPERATING: ['SUSPENDED'],
  SUSPENDED: ['OPERATING'],
  CLOSED: [],
};

const SUPERVISION_KIND: Record<string, readonly [string, string]> = {
  ON_SITE: ['实地督导', 'On site'],
  MONITORING_EVALUATION: ['项目监测评估', 'Monitoring evaluation'],
  CONSULTATION: ['咨询', 'Consultation'],
};

type Term = { code: string; labelZh: string; labelEn: string; source?: string | null };

export default function StationPage() {
  const { id = '' } = useParams();
  const { t, lang, label } = useI18n();
  const rights = useRights();
  const [editing, setEditing] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [dialog, setDialog] = useState<'status' | 'close' | 'visit' | null>(null);
  const [ending, setEnding] = useState<{ id: string; version: number; startsOn: string; name: string } | null>(null);
  const [{ data, fetching, error }] = useQuery({ query: StationQuery, variables: { id } });

  if (!data) return <Pending fetching={fetching} error={error} />;
  const s = data.node?.__typename === 'Station' ? data.node : null;
  if (!s) return <NotFoundResult />;
  const vocab = data.policyProfile?.vocabularies;
  const termLabel = (list: readonly Term[] | null | undefined, code: string) => {
    const term = list?.find((x) => x.code === code);
    return term ? label(term) : code;
  };
  const c = s.compliance;
  const current = s.assignments.filter((a) => a.current);
  const past = s.assignments.filter((a) => !a.current);
  const open = s.status !== 'CLOSED';
  const editable = open && rights.canEditStation(s.id);

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>{s.name}</Typography.Title>
        <Space>
          <Link to={`/brief?station=${encodeURIComponent(s.id)}`} data-testid="station-brief">{t('月度简报', 'Monthly brief')}</Link>
          {rights.admin && <Link to={`/audit?targetId=${encodeURIComponent(s.id)}`} data-testid="station-audit">{t('变更记录', 'Change log')}</Link>}
        </Space>
        <Space wrap>
          {editable && (
            <>
              <Button onClick={() => setEditing(true)}>{t('编辑', 'Edit')}</Button>
              {NEXT[s.status].length > 0 && <Button onClick={() => setDialog('status')}>{t('变更状态', 'Change status')}</Button>}
              <Button type="primary" onClick={() => setAssigning(true)}>{t('安排社工', 'Assign a worker')}</Button>
            </>
          )}
          {open && rights.recordVisits && <Button onClick={() => setDialog('visit')}>{t('记录督导', 'Record a visit')}</Button>}
          {open && rights.closeStations && <Button danger onClick={() => setDialog('close')}>{t('关闭站点', 'Close the station')}</Button>}
        </Space>
      </Space>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card title={t('基本信息', 'Details')}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('代码', 'Code')}>{s.code}</Descriptions.Item>
              <Descriptions.Item label={t('类型', 'Kind')}>{label(s.kind)}</Descriptions.Item>
              <Descriptions.Item label={t('区划', 'Division')}>
                {lang === 'zh' ? s.division.nameZh : s.division.nameEn || s.division.nameZh}
                {s.division.communityCount != null && t(`（${s.division.communityCount} 个社区）`, ` (${s.division.communityCount} communities)`)}
              </Descriptions.Item>
              {s.parent && (
                <Descriptions.Item label={t('上级站点', 'Parent station')}>
                  <Link to={`/stations/${encodeURIComponent(s.parent.id)}`}>{s.parent.name}</Link>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('状态', 'Status')}><StatusTag status={s.status} /> {t('自', 'since')} {s.statusSince}</Descriptions.Item>
              <Descriptions.Item label={t('运营方式', 'Operating mode')}>{enumLabel(lang, ENUMS.operatingMode, s.operatingMode)}</Descriptions.Item>
              {s.domain && <Descriptions.Item label={t('服务领域', 'Domain')}>{termLabel(vocab?.domains, s.domain)}</Descriptions.Item>}
              <Descriptions.Item label={t('依托场所', 'Host facility')}>{s.hostFacility ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('地址', 'Address')}>{s.address ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('合规检查', 'Compliance')} data-testid="compliance">
            <Space wrap style={{ marginBottom: 12 }}>
              <StandingTag standing={c.standing} />
              <Typography.Text>
                {t(`${c.on}：违规 ${c.violations} 项，建议 ${c.advisories} 项`, `${c.on}: ${c.violations} violations, ${c.advisories} advisories`)}
                {c.profile && t(`（第 ${c.profile.revision} 版政策）`, ` (profile revision ${c.profile.revision})`)}
              </Typography.Text>
            </Space>
            <List
              dataSource={c.findings}
              locale={{ emptyText: t('没有发现问题', 'No findings') }}
              renderItem={(f) => (
                <List.Item data-testid="finding">
                  <List.Item.Meta
                    title={<Space wrap><SeverityTag severity={f.severity} /><span>{lang === 'zh' ? f.messageZh : f.messageEn}</span></Space>}
                    description={
                      <>
                        {f.source && <div>{t('依据：', 'Source: ')}{f.source}</div>}
                        {f.wording && <div>{t('原文：', 'Wording: ')}“{f.wording}”</div>}
                        {f.workers.length > 0 && (
                          <div>{t('涉及社工：', 'Workers: ')}
                            {f.workers.map((w) => <Link key={w.id} to={`/workers/${encodeURIComponent(w.id)}`} style={{ marginRight: 8 }}>{w.name}</Link>)}
                          </div>
                        )}
                        {f.unevaluated && <Tag>{t('无法判定', 'Could not be evaluated')}</Tag>}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('功能室与制度', 'Rooms and rules')}>
            <Typography.Text strong>{t('功能室', 'Rooms')}</Typography.Text>
            <TermTags have={s.rooms} required={s.kind.requiredRooms} vocabulary={vocab?.rooms} />
            <Typography.Text strong>{t('制度', 'Rules')}</Typography.Text>
            <TermTags have={s.rules} required={s.kind.requiredRules} vocabulary={vocab?.rules} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('状态历史', 'Status history')}>
            <Timeline items={s.statusHistory.map((h) => ({
              content: (
                <>
                  <StatusTag status={h.status} /> {h.effectiveOn} · {h.recordedBy}
                  {h.note && <div><Typography.Text type="secondary">{h.note}</Typography.Text></div>}
                </>
              ),
            }))} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('人员与岗位', 'Staff and posts')}>
            <Table size="small" rowKey="id" pagination={false} scroll={{ x: 600 }}
              dataSource={[...current, ...past]}
              locale={{ emptyText: t('尚无人员', 'No staff yet') }}
              rowClassName={(a) => (a.current ? '' : 'ended')}
              columns={[
                { title: t('姓名', 'Name'), render: (_, a) => <Link to={`/workers/${encodeURIComponent(a.worker.id)}`}>{a.worker.name}</Link> },
                { title: t('岗位', 'Post'), render: (_, a) => enumLabel(lang, ENUMS.assignmentRole, a.role) },
                { title: t('证书', 'Certificate'), render: (_, a) => enumLabel(lang, ENUMS.certificate, a.worker.certificateLevel) },
                { title: t('专职', 'Full-time'), render: (_, a) => (a.fullTime ? t('是', 'Yes') : t('否', 'No')) },
                { title: t('起止', 'Period'), render: (_, a) => `${a.startsOn} – ${a.endsOn ?? ''}` },
                { title: t('在岗', 'Current'), render: (_, a) => (a.current ? <Tag color="green">{t('在岗', 'Current')}</Tag> : <Tag>{t('已结束', 'Ended')}</Tag>) },
                ...(editable ? [{
                  title: '', key: 'end',
                  render: (_: unknown, a: (typeof current)[number]) => (a.current || !a.endsOn) && (
                    <Button size="small" onClick={() => setEnding({ id: a.id, version: a.version, startsOn: a.startsOn, name: a.worker.name })}
                      aria-label={t(`结束 ${a.worker.name} 的岗位`, `End ${a.worker.name}'s post`)}>
                      {t('结束岗位', 'End post')}
                    </Button>
                  ),
                }] : []),
              ]} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('督导记录', 'Supervision visits')}>
            <List size="small" dataSource={s.supervisionVisits} locale={{ emptyText: t('尚无督导记录', 'No visits yet') }}
              renderItem={(v) => (
                <List.Item data-testid="visit">
                  <List.Item.Meta
                    title={`${v.visitedOn} · ${enumLabel(lang, SUPERVISION_KIND, v.kind)} · ${v.supervisor}`}
                    description={v.findings} />
                </List.Item>
              )} />
          </Card>
        </Col>
        <Col xs={24} xl={12}><Designations subject="station" id={s.id} today={c.on} /></Col>
        <Col xs={24} xl={12}><HostFacilities stationId={s.id} divisionId={s.division.id} today={c.on} open={open} /></Col>
        <Col xs={24}>
          <StationYear stationId={s.id} today={c.on} />
        </Col>
      </Row>
      {editing && <StationForm station={s} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      {assigning && <AssignDialog stationId={s.id} today={c.on} onClose={() => setAssigning(false)} />}
      {dialog === 'status' && (
        <StatusDialog station={s} today={c.on} onClose={() => setDialog(null)} />
      )}
      {dialog === 'close' && <CloseDialog station={s} today={c.on} onClose={() => setDialog(null)} />}
      {dialog === 'visit' && <VisitDialog stationId={s.id} today={c.on} onClose={() => setDialog(null)} />}
      {ending && <EndPostDialog post={ending} today={c.on} onClose={() => setEnding(null)} />}
    </>
  );
}

function TermTags({ have, required, vocabulary }: { have: readonly string[]; required: readonly Term[]; vocabulary: readonly Term[] | null | undefined }) {
  const { t, label } = useI18n();
  const missing = required.filter((r) => !have.includes(r.code));
  const name = (code: string) => {
    const term = vocabulary?.find((x) => x.code === code) ?? required.find((x) => x.code === code);
    return term ? label(term) : code;
  };
  return (
    <div style={{ margin: '8px 0 16px' }}>
      {have.length === 0 && missing.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
      {have.map((code) => <Tag key={code} color={required.some((r) => r.code === code) ? 'green' : 'default'}>{name(code)}</Tag>)}
      {missing.map((r) => <Tag key={r.code} color="red" title={r.source ?? undefined}>{t('缺少：', 'Missing: ')}{label(r)}</Tag>)}
    </div>
  );
}

// `today` is the bureau's date as the service reckons it, which the browser's clock may not share.
function AssignDialog({ stationId, today, onClose }: { stationId: string; today: string; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [text, setText] = useState('');
  const [typed, setTyped] = useState('');
  // one search per pause in typing, not one per keystroke
  useEffect(() => {
    const timer = setTimeout(() => setText(typed), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const [busy, setBusy] = useState(false);
  // paused while saving: the post changes workers, and a picker still listening would be fetched
  // again only to be cancelled when the dialog closes
  const [{ data, fetching }] = useQuery({ query: WorkersForPicker, variables: { text: text || undefined }, pause: busy });
  const [, assign] = useMutation(AssignWorker);
  const [other, setOther] = useState<string[]>([]);
  const save = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    setBusy(true);
    const input = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''));
    const r = await assign({ input: { ...(input as typeof v), stationId } });
    setBusy(false);
    if (r.error) return setOther([describeError(r.error, t)]);
    const errors = r.data?.assignWorker?.userErrors ?? [];
    if (errors.length) {
      const split = fieldErrors(errors, ['workerId', 'role', 'startsOn', 'endsOn', 'fullTime']);
      form.setFields(split.fields);
      return setOther(split.other);
    }
    message.success(t('已安排', 'Assigned'));
    onClose();
  };
  return (
    <Modal open title={t('安排社工到本站', 'Assign a worker to this station')} onCancel={onClose} onOk={save}
      confirmLoading={busy} okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')} destroyOnHidden>
      {other.map((m) => <Alert key={m} type="error" showIcon title={m} style={{ marginBottom: 12 }} role="alert" />)}
      <Form form={form} layout="vertical" name="assign" initialValues={{ role: 'SOCIAL_WORKER', startsOn: today, fullTime: true }}>
        <Form.Item name="workerId" label={t('社工', 'Worker')} rules={[{ required: true, message: t('请选择社工', 'Choose a worker') }]}>
          <Select showSearch filterOption={false} onSearch={setTyped} loading={fetching} placeholder={t('输入姓名搜索', 'Type a name to search')}
            options={(data?.workers.edges ?? []).map((e) => ({
              value: e.node.id, label: `${e.node.name}（${enumLabel(lang, ENUMS.certificate, e.node.certificateLevel)}）`,
            }))} />
        </Form.Item>
        <Form.Item name="role" label={t('岗位', 'Post')} rules={[{ required: true }]}>
          <Select options={enumOptions(lang, ENUMS.assignmentRole)} />
        </Form.Item>
        <Form.Item name="startsOn" label={t('开始日期', 'Starts on')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
        <Form.Item name="endsOn" label={t('结束日期', 'Ends on')}><Input type="date" /></Form.Item>
        <Form.Item name="fullTime" label={t('专职', 'Full-time')} valuePropName="checked"><Switch /></Form.Item>
      </Form>
    </Modal>
  );
}

interface StationRef { id: string; version: number; status: string; statusSince: string; name: string }

function StatusDialog({ station, today, onClose }: { station: StationRef; today: string; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [, change] = useMutation(ChangeStatus);
  const next = NEXT[station.status];
  return (
    <FormDialog title={t('变更站点状态', 'Change the station\'s status')} onClose={onClose} done={t('状态已变更', 'Status changed')}
      fields={['status', 'effectiveOn', 'note']} initialValues={{ status: next[0], effectiveOn: today }} testId="status-form"
      submit={async (v) => {
        const r = await change({ input: { ...(v as { status: never; effectiveOn: string }), id: station.id, version: station.version } });
        return { error: r.error, userErrors: r.data?.changeStationStatus?.userErrors };
      }}>
      <Typography.Paragraph>
        {t('当前状态：', 'Current status: ')}<StatusTag status={station.status} /> {t('自', 'since')} {station.statusSince}
      </Typography.Paragraph>
      <Form.Item name="status" label={t('新状态', 'New status')} rules={[{ required: true }]}>
        <Select options={next.map((value) => ({ value, label: enumLabel(lang, ENUMS.stationStatus, value) }))} />
      </Form.Item>
      <Form.Item name="effectiveOn" label={t('生效日期', 'Effective on')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
      <Form.Item name="note" label={t('说明', 'Note')}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
    </FormDialog>
  );
}

function CloseDialog({ station, today, onClose }: { station: StationRef; today: string; onClose: () => void }) {
  const { t } = useI18n();
  const [, close] = useMutation(CloseStation);
  return (
    <FormDialog title={t(`关闭 ${station.name}`, `Close ${station.name}`)} onClose={onClose} done={t('站点已关闭', 'Station closed')}
      fields={['closedOn', 'note']} initialValues={{ closedOn: today }} testId="close-form" danger
      submit={async (v) => {
        const r = await close({ input: { ...(v as { closedOn: string }), id: station.id, version: station.version } });
        return { error: r.error, userErrors: r.data?.closeStation?.userErrors };
      }}>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }}
        title={t('关闭后不可恢复；关闭日仍在岗的岗位将于当日结束。', 'Closing is final; posts still open on the closing day end on it.')} />
      <Form.Item name="closedOn" label={t('关闭日期', 'Closed on')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
      <Form.Item name="note" label={t('说明', 'Note')}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
    </FormDialog>
  );
}

function VisitDialog({ stationId, today, onClose }: { stationId: string; today: string; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [, record] = useMutation(RecordVisit);
  // one key per dialog: saving again after a lost answer records the visit once
  const [key] = useState(() => crypto.randomUUID());
  return (
    <FormDialog title={t('记录督导', 'Record a supervision visit')} onClose={onClose} done={t('督导已记录', 'Visit recorded')}
      fields={['visitedOn', 'kind', 'supervisor', 'findings']} initialValues={{ visitedOn: today, kind: 'ON_SITE' }} testId="visit-form"
      submit={async (v) => {
        const r = await record({ input: { ...(v as { visitedOn: string; supervisor: string; findings: string }), stationId, idempotencyKey: key } });
        return { error: r.error, userErrors: r.data?.recordSupervisionVisit?.userErrors };
      }}>
      <Form.Item name="visitedOn" label={t('督导日期', 'Visited on')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
      <Form.Item name="kind" label={t('督导方式', 'Kind')}>
        <Select options={enumOptions(lang, SUPERVISION_KIND)} />
      </Form.Item>
      <Form.Item name="supervisor" label={t('督导人', 'Supervisor')} rules={[{ required: true, message: t('请填写督导人', 'Who visited?') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="findings" label={t('督导发现', 'Findings')} rules={[{ required: true, message: t('请填写督导发现', 'What was found?') }]}>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
    </FormDialog>
  );
}

function EndPostDialog({ post, today, onClose }: { post: { id: string; version: number; startsOn: string; name: string }; today: string; onClose: () => void }) {
  const { t } = useI18n();
  const [, end] = useMutation(EndAssignment);
  return (
    <FormDialog title={t(`结束 ${post.name} 的岗位`, `End ${post.name}'s post`)} onClose={onClose} done={t('岗位已结束', 'Post ended')}
      fields={['endsOn']} initialValues={{ endsOn: today < post.startsOn ? post.startsOn : today }} testId="end-post-form"
      submit={async (v) => {
        const r = await end({ input: { id: post.id, version: post.version, endsOn: v.endsOn as string } });
        return { error: r.error, userErrors: r.data?.endAssignment?.userErrors };
      }}>
      <Form.Item name="endsOn" label={t('最后一天', 'Last day')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
    </FormDialog>
  );
}
