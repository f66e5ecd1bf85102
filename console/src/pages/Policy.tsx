import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Input, List, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { describeError, documentPath, type ApiUserError } from '../api/errors';
import { userErrorMessage } from '../api/messages';
import { locateConditions, type Located } from '../api/conditions';
import { ErrorAlert, Pending } from '../components/Status';
import { SeverityTag } from '../components/Tags';
import { useI18n } from '../i18n';
import { useBureauToday, useRights } from '../session';

const ProfilesQuery = graphql(`
  query PolicyProfiles {
    policyProfile { id revision }
    policyProfiles { id revision status effectiveFrom basedOn version createdBy createdAt publishedAt document }
    policyTemplates { code }
  }
`);

const WhatIfQuery = graphql(`
  query PolicyWhatIf($draftId: ID!) {
    policyWhatIf(draftId: $draftId) {
      on
      inForce { revision }
      stationsNewlyFailing { station { id name } violations advisories findings { severity messageZh messageEn } }
      stationsNewlyPassing { station { id name } }
      workersNewlyFailing { id name }
      workersNewlyPassing { id name }
      workerChanges {
        worker { id name }
        rule labelZh labelEn severity
        before { satisfied satisfiedBy }
        after { satisfied satisfiedBy alternatives { code labelZh labelEn satisfied failingZh failingEn } }
      }
    }
  }
`);

const CheckConditions = graphql(`
  query CheckPolicyConditions($conditions: [String!]!) {
    checkPolicyConditions(conditions: $conditions) {
      results { expression valid line column messageZh messageEn }
      names { name kind type descriptionZh descriptionEn }
    }
  }
`);

const CreateDraft = graphql(`
  mutation CreatePolicyDraft($input: CreatePolicyDraftInput!) {
    createPolicyDraft(input: $input) { profile { id version } userErrors { field code message } }
  }
`);
const UpdateDraft = graphql(`
  mutation UpdatePolicyDraft($input: UpdatePolicyDraftInput!) {
    updatePolicyDraft(input: $input) { profile { id version document } userErrors { field code message } }
  }
`);
const Withdraw = graphql(`
  mutation WithdrawPolicyProfile($input: WithdrawPolicyProfileInput!) {
    withdrawPolicyProfile(input: $input) { profile { id revision status effectiveFrom version } userErrors { field code message } }
  }
`);
const Publish = graphql(`
  mutation PublishPolicyProfile($input: PublishPolicyProfileInput!) {
    publishPolicyProfile(input: $input) { profile { id revision status effectiveFrom } userErrors { field code message } }
  }
`);

export default function Policy() {
  const { t } = useI18n();
  const rights = useRights();
  const today = useBureauToday();
  const [{ data, fetching, error }] = useQuery({ query: ProfilesQuery });
  const [viewing, setViewing] = useState<string | null>(null);
  if (!data) return <Pending fetching={fetching} error={error} />;
  const draft = data.policyProfiles.find((p) => p.status === 'DRAFT');
  const shown = data.policyProfiles.find((p) => p.id === viewing);
  // only a revision published for a day after the bureau's today has not taken effect, and only
  // such a revision can be withdrawn
  const pending = (p: { status: string; effectiveFrom?: string | null }) =>
    p.status === 'PUBLISHED' && !!p.effectiveFrom && !!today && p.effectiveFrom > today;
  // the API takes a revision back only while the bureau has no other draft open
  const withdrawable = rights.editPolicy && !draft;
  return (
    <>
      <Typography.Title level={2}>{t('政策配置', 'Policy profile')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t('版本', 'Revisions')}>
            <Table size="small" rowKey="id" pagination={false} dataSource={data.policyProfiles}
              locale={{ emptyText: t('还没有政策配置', 'No profile yet') }}
              columns={[
                { title: t('版本', 'Revision'), dataIndex: 'revision' },
                { title: t('状态', 'Status'), render: (_, p) => p.status === 'DRAFT' ? <Tag color="blue">{t('草稿', 'Draft')}</Tag>
                  : p.id === data.policyProfile?.id ? <Tag color="green">{t('生效中', 'In force')}</Tag>
                  : pending(p) ? <Tag color="gold">{t('待生效', 'Not yet in force')}</Tag>
                  : <Tag>{t('已发布', 'Published')}</Tag> },
                { title: t('生效日期', 'Effective from'), render: (_, p) => (p.status === 'DRAFT' ? null : p.effectiveFrom) ?? '—' },
                { title: t('创建人', 'Created by'), dataIndex: 'createdBy' },
                { title: '', render: (_, p) => p.status !== 'DRAFT' && (
                  <Space size={0} wrap>
                    <Button size="small" type="link" onClick={() => setViewing(p.id === viewing ? null : p.id)}>
                      {p.id === viewing ? t('收起', 'Hide') : t('查看', 'View')}
                    </Button>
                    {withdrawable && pending(p) && <WithdrawButton revision={p} />}
                  </Space>) },
              ]} />
            {rights.editPolicy && draft && data.policyProfiles.some(pending) && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('待生效的版本须在当前草稿发布后才能撤回。', 'A revision not yet in force can be withdrawn once the open draft is published.')}
              </Typography.Paragraph>
            )}
            {rights.editPolicy && !draft && <NewDraft inForce={data.policyProfile?.id} templates={data.policyTemplates.map((x) => x.code)} />}
          </Card>
          {shown && (
            <Card title={t(`第 ${shown.revision} 版文档`, `Revision ${shown.revision}`)} style={{ marginTop: 16 }}>
              <pre style={{ maxHeight: 480, overflow: 'auto', fontSize: 12 }}>{JSON.stringify(shown.document, null, 2)}</pre>
            </Card>
          )}
        </Col>
        <Col xs={24} xl={14}>
          {draft ? (
            rights.editPolicy ? <DraftEditor key={draft.id} draft={draft} /> : (
              <Card title={t(`草稿（基于第 ${draft.basedOn ?? '—'} 版）`, `Draft (based on ${draft.basedOn ?? '—'})`)}>
                <pre style={{ maxHeight: 480, overflow: 'auto', fontSize: 12 }}>{JSON.stringify(draft.document, null, 2)}</pre>
              </Card>
            )
          ) : (
            <Card><Typography.Text type="secondary">{t('当前没有草稿。', 'There is no draft.')}</Typography.Text></Card>
          )}
        </Col>
      </Row>
    </>
  );
}

/**
 * Takes a published revision back before its day, after a confirmation: it becomes the bureau's
 * draft again, and the revision in force stays in force.
 */
function WithdrawButton({ revision }: { revision: { id: string; revision: number; version: number; effectiveFrom?: string | null } }) {
  const { t, lang } = useI18n();
  const { modal, message } = App.useApp();
  const [, withdraw] = useMutation(Withdraw);
  const run = async () => {
    const r = await withdraw({ input: { id: revision.id, version: revision.version } });
    if (r.error) return void message.error(describeError(r.error, t));
    const errors = r.data?.withdrawPolicyProfile?.userErrors ?? [];
    if (errors.length) return void message.error(errors.map((e) => userErrorMessage(e, lang)).join('; '));
    message.success(t(`第 ${revision.revision} 版已撤回为草稿`, `Revision ${revision.revision} is a draft again`));
  };
  return (
    <Button size="small" type="link" danger data-testid={`withdraw-${revision.revision}`}
      onClick={() => modal.confirm({
        title: t(`撤回第 ${revision.revision} 版？`, `Withdraw revision ${revision.revision}?`),
        content: t(`该版本原定于 ${revision.effectiveFrom} 生效。撤回后它成为草稿，可修改后重新发布；现行版本继续有效。`,
          `It was to take effect on ${revision.effectiveFrom}. Withdrawn, it becomes the draft again, to correct and publish anew; the revision in force stays.`),
        okText: t('撤回发布', 'Withdraw'), cancelText: t('取消', 'Cancel'),
        okButtonProps: { danger: true, 'data-testid': 'withdraw-ok' },
        onOk: run,
      })}>
      {t('撤回发布', 'Withdraw')}
    </Button>
  );
}

function NewDraft({ inForce, templates }: { inForce?: string; templates: string[] }) {
  const { t } = useI18n();
  const [{ fetching }, create] = useMutation(CreateDraft);
  const [template, setTemplate] = useState<string>();
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (input: { fromProfileId?: string; fromTemplate?: string }) => {
    const r = await create({ input });
    const errs = r.data?.createPolicyDraft?.userErrors ?? [];
    setProblem(r.error ? describeError(r.error, t) : errs.length ? errs.map((e) => e.message).join('; ') : null);
  };
  return (
    <Space direction="vertical" style={{ marginTop: 16, width: '100%' }}>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
      {inForce && <Button loading={fetching} onClick={() => run({ fromProfileId: inForce })}>{t('基于生效版本新建草稿', 'New draft from the revision in force')}</Button>}
      <Space.Compact>
        <Select aria-label={t('模板', 'Template')} placeholder={t('选择模板', 'Choose a template')} style={{ width: 200 }}
          value={template} onChange={setTemplate} options={templates.map((c) => ({ value: c, label: c }))} />
        <Button disabled={!template} loading={fetching} onClick={() => run({ fromTemplate: template })}>{t('从模板新建', 'New from template')}</Button>
      </Space.Compact>
    </Space>
  );
}

interface Draft {
  id: string;
  version: number;
  revision: number;
  basedOn?: number | null;
  document: unknown;
}

function DraftEditor({ draft }: { draft: Draft }) {
  const { t, lang, label } = useI18n();
  const { message } = App.useApp();
  const [text, setText] = useState(() => JSON.stringify(draft.document, null, 2));
  const [version, setVersion] = useState(draft.version);
  const [problems, setProblems] = useState<ApiUserError[]>([]);
  const [parseError, setParseError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [whatIfAsked, setWhatIfAsked] = useState(false);
  const [{ fetching: saving }, update] = useMutation(UpdateDraft);
  const [{ fetching: publishing }, publish] = useMutation(Publish);
  const [whatIf, refetchWhatIf] = useQuery({ query: WhatIfQuery, variables: { draftId: draft.id }, pause: !whatIfAsked, requestPolicy: 'network-only' });
  useEffect(() => setVersion(draft.version), [draft.version]);
  const conditions = useConditionCheck(text);

  const save = async () => {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (e) {
      setParseError(t('JSON 格式错误：', 'Not valid JSON: ') + (e as Error).message);
      return false;
    }
    setParseError(null);
    const r = await update({ input: { id: draft.id, version, document } });
    if (r.error) {
      setProblems([{ code: 'ERROR', message: describeError(r.error, t) }]);
      return false;
    }
    const payload = r.data?.updatePolicyDraft;
    setProblems(payload?.userErrors ?? []);
    if (payload?.profile) {
      setVersion(payload.profile.version);
      setDirty(false);
      message.success(t('草稿已保存', 'Draft saved'));
      if (whatIfAsked) refetchWhatIf({ requestPolicy: 'network-only' });
      return true;
    }
    return false;
  };

  const doPublish = async () => {
    const r = await publish({ input: { id: draft.id, version, effectiveFrom } });
    if (r.error) return setProblems([{ code: 'ERROR', message: describeError(r.error, t) }]);
    const errs = r.data?.publishPolicyProfile?.userErrors ?? [];
    setProblems(errs);
    if (!errs.length) message.success(t('已发布', 'Published'));
  };

  const w = whatIf.data?.policyWhatIf;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t(`草稿 第 ${draft.revision} 版（基于第 ${draft.basedOn ?? '—'} 版）`, `Draft revision ${draft.revision} (based on ${draft.basedOn ?? '—'})`)}
        extra={<Button type="primary" loading={saving} onClick={save}>{t('保存草稿', 'Save draft')}</Button>}>
        {parseError && <Alert type="error" showIcon title={parseError} role="alert" style={{ marginBottom: 12 }} />}
        {problems.length > 0 && (
          <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={t('未能保存', 'Not saved')}
            description={<ul style={{ margin: 0, paddingLeft: 16 }} data-testid="draft-errors">{problems.map((p, i) => (
              <li key={i}>{documentPath(p.field) && <code>{documentPath(p.field)}</code>} {p.message}</li>))}</ul>} />
        )}
        <ConditionProblems check={conditions} />
        <Input.TextArea aria-label={t('草稿文档（JSON）', 'Draft document (JSON)')} status={conditions.problems.length ? 'error' : undefined} value={text} spellCheck={false}
          onChange={(e) => { setText(e.target.value); setDirty(true); }}
          autoSize={{ minRows: 16, maxRows: 28 }} style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12 }} />
      </Card>
      <Card title={t('影响预览', 'What-if preview')}
        extra={<Button onClick={async () => { if (dirty && !(await save())) return; setWhatIfAsked(true); refetchWhatIf({ requestPolicy: 'network-only' }); }}>
          {t('预览影响', 'Preview')}</Button>}>
        {!whatIfAsked && <Typography.Text type="secondary">{t('预览草稿生效后哪些站点和社工的结果会改变。', 'See which stations and workers the draft would change.')}</Typography.Text>}
        {whatIf.error && <ErrorAlert error={whatIf.error} />}
        {whatIfAsked && whatIf.fetching && <Typography.Text>{t('计算中…', 'Computing…')}</Typography.Text>}
        {w && (
          <div data-testid="what-if">
            <Typography.Paragraph>
              {t(`按 ${w.on} 与第 ${w.inForce?.revision ?? '—'} 版比较`, `On ${w.on}, against revision ${w.inForce?.revision ?? '—'}`)}
            </Typography.Paragraph>
            <Typography.Text strong>{t(`新增不合规站点（${w.stationsNewlyFailing.length}）`, `Stations newly failing (${w.stationsNewlyFailing.length})`)}</Typography.Text>
            <List size="small" dataSource={w.stationsNewlyFailing} locale={{ emptyText: t('无', 'None') }}
              renderItem={(s) => (
                <List.Item>
                  <Link to={`/stations/${encodeURIComponent(s.station.id)}`}>{s.station.name}</Link>
                  <span>{s.findings.slice(0, 3).map((f, i) => <div key={i}><SeverityTag severity={f.severity} />{lang === 'zh' ? f.messageZh : f.messageEn}</div>)}</span>
                </List.Item>
              )} />
            <Typography.Text strong>{t(`新增合规站点（${w.stationsNewlyPassing.length}）`, `Stations newly passing (${w.stationsNewlyPassing.length})`)}</Typography.Text>
            <List size="small" dataSource={w.stationsNewlyPassing} locale={{ emptyText: t('无', 'None') }}
              renderItem={(s) => <List.Item><Link to={`/stations/${encodeURIComponent(s.station.id)}`}>{s.station.name}</Link></List.Item>} />
            <Typography.Text strong>{t('社工资格变化', 'Worker qualification changes')}</Typography.Text>
            <Table size="small" rowKey={(c) => c.worker.id + c.rule} pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={w.workerChanges} locale={{ emptyText: t('无', 'None') }}
              columns={[
                { title: t('社工', 'Worker'), render: (_, c) => <Link to={`/workers/${encodeURIComponent(c.worker.id)}`}>{c.worker.name}</Link> },
                { title: t('规则', 'Rule'), render: (_, c) => label(c) },
                { title: t('之前', 'Before'), render: (_, c) => c.before ? (c.before.satisfied ? t('符合', 'qualifies') : t('不符合', 'fails')) : '—' },
                { title: t('之后', 'After'), render: (_, c) => c.after ? (c.after.satisfied ? t('符合', 'qualifies') : t('不符合', 'fails')) : '—' },
              ]} />
          </div>
        )}
      </Card>
      <Card title={t('发布', 'Publish')}>
        <Space wrap>
          <label htmlFor="effective-from">{t('生效日期', 'Effective from')}</label>
          <Input id="effective-from" type="date" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} style={{ width: 180 }} />
          <Button type="primary" danger disabled={!effectiveFrom || dirty} loading={publishing} onClick={doPublish}>{t('发布草稿', 'Publish the draft')}</Button>
          {dirty && <Typography.Text type="warning">{t('请先保存草稿', 'Save the draft first')}</Typography.Text>}
        </Space>
      </Card>
    </Space>
  );
}

interface ConditionProblem extends Located { at: string; message: string }

/**
 * The draft's conditions checked by the service as the administrator types: once per pause in
 * typing, each distinct expression once, and an answer that arrives after a newer one is asked
 * for is dropped.
 */
function useConditionCheck(text: string) {
  const client = useClient();
  const { lang } = useI18n();
  const [state, setState] = useState<{ checked: number; problems: ConditionProblem[]; names: { name: string; kind: string; type: string; descriptionZh: string; descriptionEn: string }[]; failed: boolean }>(
    { checked: 0, problems: [], names: [], failed: false });
  const asked = useRef(0);
  useEffect(() => {
    const located = locateConditions(text);
    if (!located) return;
    const timer = setTimeout(async () => {
      const n = ++asked.current;
      const distinct = [...new Set(located.map((c) => c.expression))].slice(0, 100);
      if (!distinct.length) return setState((s) => ({ ...s, checked: 0, problems: [], failed: false }));
      const r = await client.query(CheckConditions, { conditions: distinct }, { requestPolicy: 'network-only' }).toPromise();
      if (n !== asked.current) return;
      const results = r.data?.checkPolicyConditions.results;
      if (!results) return setState((s) => ({ ...s, failed: true }));
      const byExpression = new Map(results.map((x) => [x.expression, x]));
      const problems = located.flatMap((c) => {
        const x = byExpression.get(c.expression);
        if (!x || x.valid) return [];
        const where = x.line != null ? (lang === 'zh' ? `第${x.line}行第${x.column}列` : `line ${x.line}, column ${x.column}`) : '';
        return [{ ...c, at: where, message: (lang === 'zh' ? x.messageZh : x.messageEn) ?? '' }];
      });
      setState({ checked: located.length, problems, names: r.data!.checkPolicyConditions.names, failed: false });
    }, 400);
    return () => clearTimeout(timer);
  }, [text, client, lang]);
  return state;
}

function ConditionProblems({ check }: { check: ReturnType<typeof useConditionCheck> }) {
  const { t, lang } = useI18n();
  if (check.failed) return null;
  const names = (
    <details style={{ marginTop: 4 }}>
      <summary>{t('条件中可用的变量和函数', 'Variables and functions a condition may use')}</summary>
      <ul style={{ margin: 0, paddingLeft: 16, fontSize: 12 }}>
        {check.names.map((n) => <li key={n.name}><code>{n.name}</code> <Typography.Text type="secondary">{n.type}</Typography.Text> {lang === 'zh' ? n.descriptionZh : n.descriptionEn}</li>)}
      </ul>
    </details>
  );
  if (check.problems.length) {
    return (
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} role="status"
        title={t(`${check.problems.length} 个条件表达式有误`, `${check.problems.length} conditions have errors`)}
        description={<>
          <ul style={{ margin: 0, paddingLeft: 16 }} data-testid="condition-errors">
            {check.problems.map((p) => (
              <li key={p.path}>
                <code>{p.path}</code>{p.line > 0 && t(`（文档第 ${p.line} 行）`, ` (document line ${p.line})`)}：<code>{p.expression}</code> — {p.at} {p.message}
              </li>
            ))}
          </ul>
          {names}
        </>} />
    );
  }
  if (!check.checked) return null;
  return (
    <div style={{ marginBottom: 12 }} data-testid="conditions-ok">
      <Typography.Text type="success">{t(`${check.checked} 个条件表达式均有效`, `All ${check.checked} conditions are valid`)}</Typography.Text>
      {names}
    </div>
  );
}
