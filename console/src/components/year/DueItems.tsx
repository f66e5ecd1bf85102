import { useState } from 'react';
import { App, Button, Empty, Form, Input, List, Modal, Popconfirm, Space, Switch, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { Pending } from '../Status';
import { SeverityTag } from '../Tags';
import { ENUMS, enumLabel, useI18n } from '../../i18n';
import { userErrorMessage } from '../../api/messages';
import { useFormMutation, useYearRights } from './common';
import { valuesOf } from '../../api/forms';

const StationDueItemsQuery = graphql(`
  query StationDueItems($id: ID!) {
    node(id: $id) {
      __typename
      ... on Station {
        id
        dueItems {
          milestone labelZh labelEn year dueOn window evidenceZh evidenceEn status severity source wording
          origin periodStart periodEnd contract { id title } operator { id name } report { submittedOn }
          completion { doneOn evidence recordedBy recordedAt }
        }
      }
    }
  }
`);

const CompleteDueItem = graphql(`
  mutation CompleteDueItem($input: CompleteDueItemInput!) {
    completeDueItem(input: $input) {
      dueItem { milestone year status station { id } completion { doneOn evidence } }
      userErrors { field code message }
    }
  }
`);

const ReopenDueItem = graphql(`
  mutation ReopenDueItem($input: ReopenDueItemInput!) {
    reopenDueItem(input: $input) {
      dueItem { milestone year status station { id } }
      userErrors { field code message }
    }
  }
`);

export const DUE_COLOR: Record<string, string> = { DUE: 'blue', OVERDUE: 'red', DONE: 'green' };

type Item = { milestone: string; year: number; labelZh: string; labelEn: string; evidenceZh?: string | null; evidenceEn?: string | null };

/** A station's due items, a year back to 30 days ahead: done with evidence, or reopened. */
export default function DueItems({ stationId, today }: { stationId: string; today: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const rights = useYearRights(stationId);
  const [showDone, setShowDone] = useState(true);
  const [closing, setClosing] = useState<Item | null>(null);
  const [{ data, fetching, error }] = useQuery({ query: StationDueItemsQuery, variables: { id: stationId } });
  const [reopenState, reopen] = useMutation(ReopenDueItem);
  if (!data) return <Pending fetching={fetching} error={error} />;
  const s = data.node?.__typename === 'Station' ? data.node : null;
  if (!s) return <Pending fetching={false} empty />;
  const items = s.dueItems.filter((i) => showDone || i.status !== 'DONE');
  const overdue = s.dueItems.filter((i) => i.status === 'OVERDUE').length;
  const due = s.dueItems.filter((i) => i.status === 'DUE').length;
  const doReopen = async (i: Item) => {
    const r = await reopen({ input: { milestone: i.milestone, year: i.year, stationId } });
    const problem = r.error?.message ?? r.data?.reopenDueItem?.userErrors.map((e) => userErrorMessage(e, lang)).join('; ');
    if (problem) message.error(problem);
    else message.success(t('已重新打开', 'Reopened'));
  };
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Text>
          {t(`逾期 ${overdue} 项，近期待完成 ${due} 项（一年前至今后 30 天）`, `${overdue} overdue, ${due} due (a year back to 30 days ahead)`)}
        </Typography.Text>
        <label><Switch size="small" checked={showDone} onChange={setShowDone} /> {t('显示已完成', 'Show done')}</label>
      </Space>
      <List dataSource={items} locale={{ emptyText: <Empty description={t('没有需要完成的时间节点', 'Nothing due')} /> }}
        renderItem={(i) => (
          <List.Item data-testid="due-item"
            actions={rights.record && i.origin === 'MILESTONE' ? [
              i.status === 'DONE'
                ? <Popconfirm key="reopen" title={t('撤销完成记录，重新打开？', 'Take the completion back and reopen it?')}
                    okText={t('重新打开', 'Reopen')} cancelText={t('取消', 'Cancel')} onConfirm={() => doReopen(i)}>
                    <Button size="small" loading={reopenState.fetching} data-testid="due-reopen">{t('重新打开', 'Reopen')}</Button>
                  </Popconfirm>
                : <Button key="done" size="small" type="primary" data-testid="due-complete" onClick={() => setClosing(i)}>{t('标记完成', 'Mark done')}</Button>,
            ] : []}>
            <List.Item.Meta
              title={<Space wrap>
                <Tag color={DUE_COLOR[i.status]}>{enumLabel(lang, ENUMS.dueStatus, i.status)}</Tag>
                {i.status === 'OVERDUE' && <SeverityTag severity={i.severity} />}
                <span>{lang === 'zh' ? i.labelZh : i.labelEn}</span>
              </Space>}
              description={<>
                <div>{t('截止：', 'Due: ')}{i.dueOn}{i.window && `（${i.window}）`}{i.source && ` · ${t('依据', 'Source')} ${i.source}`}</div>
                {i.contract && (
                  <div data-testid="due-item-contract">
                    {t('合同：', 'Contract: ')}<Link to={`/contracts/${i.contract.id}`}>{i.contract.title}</Link>
                    {i.operator && `（${i.operator.name}）`}
                    {i.periodStart && ` · ${t('报告期', 'Period')} ${i.periodStart} — ${i.periodEnd}`}
                    {i.report?.submittedOn && ` · ${t('已于', 'submitted on ')}${i.report.submittedOn}${t(' 提交', '')}`}
                  </div>
                )}
                {(i.evidenceZh || i.evidenceEn) && <div>{t('完成材料：', 'Evidence: ')}{lang === 'zh' ? i.evidenceZh : i.evidenceEn ?? i.evidenceZh}</div>}
                {i.completion && (
                  <div>{t('已于', 'Done on ')}{i.completion.doneOn}{t(' 完成：', ': ')}{i.completion.evidence}（{i.completion.recordedBy}）</div>
                )}
              </>} />
          </List.Item>
        )} />
      {closing && <CompleteDialog item={closing} stationId={stationId} today={today} onClose={() => setClosing(null)} />}
    </>
  );
}

function CompleteDialog({ item, stationId, today, onClose }: { item: Item; stationId: string; today: string; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [, complete] = useMutation(CompleteDueItem);
  const { run, busy, alerts } = useFormMutation(form, ['doneOn', 'evidence']);
  const save = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    const ok = await run(() => complete({ input: { milestone: item.milestone, year: item.year, stationId, doneOn: v.doneOn, evidence: v.evidence } }),
      (d) => d.completeDueItem);
    if (ok) {
      message.success(t('已标记完成', 'Marked done'));
      onClose();
    }
  };
  const evidence = lang === 'zh' ? item.evidenceZh : item.evidenceEn ?? item.evidenceZh;
  return (
    <Modal open title={`${t('标记完成', 'Mark done')}：${lang === 'zh' ? item.labelZh : item.labelEn}`} onCancel={onClose} onOk={save}
      confirmLoading={busy} okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')} destroyOnHidden>
      {alerts}
      <Form form={form} layout="vertical" name="complete-due-item" initialValues={{ doneOn: today }}>
        <Form.Item name="doneOn" label={t('完成日期', 'Done on')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
        <Form.Item name="evidence" label={t('完成材料', 'Evidence')} extra={evidence ?? undefined}
          rules={[{ required: true, message: t('请填写文号、报告或说明', 'Give a document number, a report or a note') }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
