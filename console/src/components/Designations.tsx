import { useState } from 'react';
import { Button, Card, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { FormDialog } from './FormDialog';
import { Pending } from './Status';
import { REGISTRY_ENUMS, enumLabel, useI18n } from '../i18n';
import { useRights } from '../session';

const DesignationsQuery = graphql(`
  query Designations($id: ID!) {
    node(id: $id) {
      __typename
      ... on SocialWorker { id designations { id kind level title reference awardedOn endsOn heldToday version } }
      ... on Station { id designations { id kind level title reference awardedOn endsOn heldToday version } }
    }
  }
`);

// The worker or station comes back with the designation: the document cache then refetches every
// query holding it, the rules that read designations (a head "from talents or supervisors") included.
const Designate = graphql(`
  mutation Designate($input: DesignateInput!) {
    designate(input: $input) {
      designation { id kind level title reference awardedOn endsOn heldToday version worker { id } station { id } }
      userErrors { field code message }
    }
  }
`);

const EndDesignation = graphql(`
  mutation EndDesignation($input: EndDesignationInput!) {
    endDesignation(input: $input) {
      designation { id endsOn heldToday version worker { id } station { id } }
      userErrors { field code message }
    }
  }
`);

type Subject = 'worker' | 'station';

/** What each subject can be designated: a station a demonstration one, a worker a talent or a supervisor. */
const KINDS: Record<Subject, readonly string[]> = {
  station: ['DEMONSTRATION'],
  worker: ['LEADING_TALENT', 'SUPERVISOR'],
};

interface Row { id: string; kind: string; level: string; title?: string | null; awardedOn: string; version: number }

/**
 * A worker's or a station's designations (命名/认定), ended ones included, which the bureau's
 * targets and rules count; an administrator records one and ends it. `today` is the bureau's date
 * when the page knows it, the dialogs' default day.
 */
export default function Designations({ subject, id, today }: { subject: Subject; id: string; today?: string }) {
  const { t, lang } = useI18n();
  const { admin } = useRights();
  const [designating, setDesignating] = useState(false);
  const [ending, setEnding] = useState<Row | null>(null);
  const [{ data, fetching, error }] = useQuery({ query: DesignationsQuery, variables: { id } });
  const node = data?.node;
  const rows = node?.__typename === 'SocialWorker' || node?.__typename === 'Station' ? node.designations : null;
  return (
    <Card title={t('命名与认定', 'Designations')} data-testid="designations"
      extra={admin && <Button size="small" type="primary" data-testid="designate" onClick={() => setDesignating(true)}>{t('认定', 'Designate')}</Button>}>
      {!rows ? <Pending fetching={fetching} error={error} /> : (
        <Table size="small" rowKey="id" pagination={false} dataSource={rows}
          locale={{ emptyText: subject === 'worker' ? t('没有领军人才或督导认定', 'Not a leading talent or supervisor') : t('没有示范命名', 'No demonstration title') }}
          columns={[
            { title: t('类别', 'Kind'), render: (_, d) => (
              <>
                {enumLabel(lang, REGISTRY_ENUMS.designationKind, d.kind)}
                {[d.title, d.reference].filter(Boolean).map((x) => <div key={x}><Typography.Text type="secondary">{x}</Typography.Text></div>)}
              </>
            ) },
            { title: t('级别', 'Level'), render: (_, d) => enumLabel(lang, REGISTRY_ENUMS.designationLevel, d.level) },
            { title: t('认定日期', 'Awarded'), dataIndex: 'awardedOn' },
            { title: t('结束日期', 'Ended from'), render: (_, d) => d.endsOn ?? '—' },
            { title: t('状态', 'State'), render: (_, d) => (d.heldToday ? <Tag color="green">{t('有效', 'Held')}</Tag> : <Tag>{t('已结束', 'Ended')}</Tag>) },
            ...(admin ? [{
              title: '', key: 'end',
              render: (_: unknown, d: Row & { heldToday: boolean }) => d.heldToday && (
                <Button size="small" data-testid="designation-end" onClick={() => setEnding(d)}
                  aria-label={t(`结束${enumLabel('zh', REGISTRY_ENUMS.designationKind, d.kind)}认定`, `End the ${enumLabel('en', REGISTRY_ENUMS.designationKind, d.kind).toLowerCase()} designation`)}>
                  {t('结束', 'End')}
                </Button>
              ),
            }] : []),
          ]} />
      )}
      {designating && <DesignateDialog subject={subject} id={id} today={today} onClose={() => setDesignating(false)} />}
      {ending && <EndDialog designation={ending} today={today} onClose={() => setEnding(null)} />}
    </Card>
  );
}

function DesignateDialog({ subject, id, today, onClose }: { subject: Subject; id: string; today?: string; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [, designate] = useMutation(Designate);
  const kinds = KINDS[subject];
  const option = (table: Record<string, readonly [string, string]>) => (value: string) => ({ value, label: enumLabel(lang, table, value) });
  return (
    <FormDialog title={subject === 'worker' ? t('认定社工', 'Designate the worker') : t('示范站点命名', 'Designate the station')}
      fields={['kind', 'level', 'awardedOn', 'endsOn', 'title', 'reference']} testId="designate-form" onClose={onClose}
      initialValues={{ kind: kinds[0], level: 'CITY', awardedOn: today }} done={t('认定已记录', 'Designation recorded')}
      submit={async (v) => {
        const input = { ...(v as { kind: never; level: never; awardedOn: string }), ...(subject === 'worker' ? { workerId: id } : { stationId: id }) };
        const r = await designate({ input });
        return { error: r.error, userErrors: r.data?.designate?.userErrors };
      }}>
      <Form.Item name="kind" label={t('类别', 'Kind')} rules={[{ required: true }]}>
        <Select options={kinds.map(option(REGISTRY_ENUMS.designationKind))} />
      </Form.Item>
      <Form.Item name="level" label={t('级别', 'Level')} rules={[{ required: true }]}>
        <Select options={Object.keys(REGISTRY_ENUMS.designationLevel).map(option(REGISTRY_ENUMS.designationLevel))} />
      </Form.Item>
      <Form.Item name="awardedOn" label={t('认定日期', 'Awarded on')} rules={[{ required: true, message: t('请填写认定日期', 'When was it awarded?') }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="endsOn" label={t('到期日期（不再享有的首日）', 'Ends on (the first day no longer held)')}
        extra={t('长期有效的留空', 'Leave blank while open-ended')}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="title" label={t('命名名称', 'Title as awarded')}>
        <Input maxLength={200} placeholder={subject === 'worker' ? t('如：杭州市社会工作督导', 'e.g. Hangzhou social work supervisor') : t('如：杭州市示范社会工作站', 'e.g. Hangzhou demonstration station')} />
      </Form.Item>
      <Form.Item name="reference" label={t('认定文件', 'Awarding document')}>
        <Input maxLength={200} placeholder={t('文号或文件名称', 'Its number or name')} />
      </Form.Item>
    </FormDialog>
  );
}

function EndDialog({ designation, today, onClose }: { designation: Row; today?: string; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [, end] = useMutation(EndDesignation);
  const what = `${enumLabel(lang, REGISTRY_ENUMS.designationLevel, designation.level)}${lang === 'zh' ? '' : ' '}${enumLabel(lang, REGISTRY_ENUMS.designationKind, designation.kind)}`;
  return (
    <FormDialog title={t(`结束${what}认定`, `End the ${what.toLowerCase()} designation`)} fields={['endsOn']} testId="end-designation-form"
      initialValues={{ endsOn: today && today > designation.awardedOn ? today : undefined }} done={t('认定已结束', 'Designation ended')} onClose={onClose}
      submit={async (v) => {
        const r = await end({ input: { id: designation.id, version: designation.version, endsOn: v.endsOn as string } });
        return { error: r.error, userErrors: r.data?.endDesignation?.userErrors };
      }}>
      <Typography.Paragraph>
        {t(`认定于 ${designation.awardedOn}`, `Awarded on ${designation.awardedOn}`)}{designation.title ? ` · ${designation.title}` : ''}
      </Typography.Paragraph>
      <Form.Item name="endsOn" label={t('结束日期（不再享有的首日）', 'Ends on (the first day no longer held)')}
        rules={[{ required: true, message: t('请填写结束日期', 'From which day does it end?') }]}>
        <Input type="date" />
      </Form.Item>
    </FormDialog>
  );
}
