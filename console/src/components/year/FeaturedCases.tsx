import { useState } from 'react';
import { App, Button, Empty, Form, Input, InputNumber, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { Pending } from '../Status';
import { ENUMS, enumLabel, useI18n } from '../../i18n';
import { userErrorMessage } from '../../api/messages';
import { filled, termsOf, useFormMutation, useYearRights } from './common';
import { valuesOf } from '../../api/forms';

const CasesQuery = graphql(`
  query StationFeaturedCases($id: ID!) {
    policyProfile { id vocabularies { caseKinds { code labelZh labelEn } } }
    node(id: $id) {
      __typename
      ... on Station {
        id
        featuredCases {
          id year kind title summary body status submittedOn submittedBy reviewedOn reviewedBy reviewComment version
          worker { id name }
        }
        assignments { id worker { id name } }
      }
    }
  }
`);

const SubmitCase = graphql(`
  mutation SubmitFeaturedCase($input: SubmitFeaturedCaseInput!) {
    submitFeaturedCase(input: $input) {
      featuredCase { id status station { id } }
      userErrors { field code message }
    }
  }
`);

const ReviewCase = graphql(`
  mutation ReviewFeaturedCase($input: ReviewFeaturedCaseInput!) {
    reviewFeaturedCase(input: $input) {
      featuredCase { id status version reviewedOn reviewedBy reviewComment station { id } }
      userErrors { field code message }
    }
  }
`);

const STATUS_COLOR: Record<string, string> = { SUBMITTED: 'blue', ACCEPTED: 'green', RETURNED: 'orange' };

type Case = { id: string; title: string; version: number };

/** A station's featured cases (典型案例): submitted by the station, accepted or returned by the bureau. */
export default function FeaturedCases({ stationId, today }: { stationId: string; today: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const rights = useYearRights(stationId);
  const [{ data, fetching, error }] = useQuery({ query: CasesQuery, variables: { id: stationId } });
  const [submitting, setSubmitting] = useState(false);
  const [returning, setReturning] = useState<Case | null>(null);
  const [accepting, setAccepting] = useState<string | null>(null);
  const [, review] = useMutation(ReviewCase);
  if (!data) return <Pending fetching={fetching} error={error} />;
  const s = data.node?.__typename === 'Station' ? data.node : null;
  if (!s) return <Pending fetching={false} empty />;
  const kinds = termsOf(lang, data.policyProfile?.vocabularies.caseKinds, ENUMS.caseKind);
  const accept = async (c: Case) => {
    setAccepting(c.id);
    const r = await review({ input: { id: c.id, version: c.version, decision: 'ACCEPTED' } });
    setAccepting(null);
    const problem = r.error?.message ?? r.data?.reviewFeaturedCase?.userErrors.map((e) => userErrorMessage(e, lang)).join('; ');
    if (problem) message.error(problem);
    else message.success(t('已采纳', 'Accepted'));
  };
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Text type="secondary">
          {t('站点提交典型案例，民政局采纳或退回修改；提交后即计入年度最低数量，退回后不再计入。',
            'The station submits featured cases; the bureau accepts or returns them. A case counts toward the yearly minimum from its submission until it is returned.')}
        </Typography.Text>
        {rights.record && <Button type="primary" data-testid="case-submit" onClick={() => setSubmitting(true)}>{t('提交案例', 'Submit a case')}</Button>}
      </Space>
      <List dataSource={s.featuredCases} locale={{ emptyText: <Empty description={t('尚无典型案例', 'No featured cases yet')} /> }}
        renderItem={(c) => (
          <List.Item data-testid="featured-case"
            actions={rights.review && c.status === 'SUBMITTED' ? [
              <Button key="accept" size="small" type="primary" loading={accepting === c.id} data-testid="case-accept" onClick={() => accept(c)}>{t('采纳', 'Accept')}</Button>,
              <Button key="return" size="small" data-testid="case-return" onClick={() => setReturning(c)}>{t('退回', 'Return')}</Button>,
            ] : []}>
            <List.Item.Meta
              title={<Space wrap><Tag color={STATUS_COLOR[c.status]}>{enumLabel(lang, ENUMS.caseStatus, c.status)}</Tag><span>{c.title}</span></Space>}
              description={
                <>
                  <div>{c.year} · {kinds.name(c.kind)}{c.worker && ` · ${c.worker.name}`} · {t('提交于', 'submitted')} {c.submittedOn}</div>
                  <div>{c.summary}</div>
                  {c.reviewedOn && <div>{t('审核：', 'Reviewed: ')}{c.reviewedOn} · {c.reviewedBy}{c.reviewComment && `：“${c.reviewComment}”`}</div>}
                </>
              } />
          </List.Item>
        )} />
      {submitting && (
        <SubmitDialog stationId={stationId} today={today} kinds={kinds.options}
          workers={s.assignments.map((a) => a.worker)} onClose={() => setSubmitting(false)} />
      )}
      {returning && <ReturnDialog item={returning} onClose={() => setReturning(null)} />}
    </>
  );
}

function SubmitDialog({ stationId, today, kinds, workers, onClose }: {
  stationId: string; today: string; kinds: { value: string; label: string }[]; workers: readonly { id: string; name: string }[]; onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [, submit] = useMutation(SubmitCase);
  const { run, busy, alerts } = useFormMutation(form, ['year', 'kind', 'title', 'summary', 'body', 'workerId']);
  const save = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    const ok = await run(() => submit({ input: { ...filled(v), stationId } }), (d) => d.submitFeaturedCase);
    if (ok) {
      message.success(t('案例已提交', 'Case submitted'));
      onClose();
    }
  };
  return (
    <Modal open title={t('提交典型案例', 'Submit a featured case')} onCancel={onClose} onOk={save} confirmLoading={busy} width={640}
      okText={t('提交', 'Submit')} cancelText={t('取消', 'Cancel')} destroyOnHidden>
      {alerts}
      <Form form={form} layout="vertical" name="submit-case" initialValues={{ year: Number(today.slice(0, 4)) }}>
        <Space wrap>
          <Form.Item name="year" label={t('年度', 'Year')} rules={[{ required: true }]}><InputNumber precision={0} style={{ width: 100 }} /></Form.Item>
          <Form.Item name="kind" label={t('案例类型', 'Kind')} rules={[{ required: true, message: t('请选择类型', 'Choose a kind') }]}>
            <Select style={{ width: 160 }} options={kinds} />
          </Form.Item>
          <Form.Item name="workerId" label={t('撰写社工', 'Written by')}>
            <Select allowClear style={{ width: 160 }} options={workers.map((w) => ({ value: w.id, label: w.name }))} />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('标题', 'Title')} rules={[{ required: true, message: t('请填写标题', 'Enter a title') }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="summary" label={t('摘要', 'Summary')} rules={[{ required: true, message: t('请填写摘要', 'Enter a summary') }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="body" label={t('正文', 'Write-up')} rules={[{ required: true, message: t('请填写正文', 'Enter the write-up') }]}>
          <Input.TextArea rows={6} maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReturnDialog({ item, onClose }: { item: Case; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [, review] = useMutation(ReviewCase);
  const { run, busy, alerts } = useFormMutation(form, ['comment']);
  const save = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    const ok = await run(() => review({ input: { id: item.id, version: item.version, decision: 'RETURNED', comment: v.comment } }), (d) => d.reviewFeaturedCase);
    if (ok) {
      message.success(t('已退回', 'Returned'));
      onClose();
    }
  };
  return (
    <Modal open title={`${t('退回案例', 'Return the case')}：${item.title}`} onCancel={onClose} onOk={save} confirmLoading={busy}
      okText={t('退回', 'Return')} cancelText={t('取消', 'Cancel')} destroyOnHidden>
      {alerts}
      <Form form={form} layout="vertical" name="return-case">
        <Form.Item name="comment" label={t('修改意见', 'What to change')} rules={[{ required: true, message: t('退回须填写意见', 'A returned case needs a comment') }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
