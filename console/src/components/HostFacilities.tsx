import { useState } from 'react';
import { App, Button, Card, Form, Input, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { describeError } from '../api/errors';
import { userErrorMessage } from '../api/messages';
import { FormDialog } from './FormDialog';
import { useLookups } from './Lookups';
import { Pending } from './Status';
import { REGISTRY_ENUMS, enumLabel, enumOptions, useI18n } from '../i18n';
import { useRights } from '../session';

const FacilitiesQuery = graphql(`
  query StationFacilities($id: ID!) {
    node(id: $id) {
      __typename
      ... on Station { id servedFacilities { id kind name servedSince version division { id nameZh nameEn } } }
    }
  }
`);

// asked only once the picker opens: the bureau's whole list is not the station's page's business
const FacilityChoices = graphql(`
  query HostFacilityChoices {
    hostFacilities { id kind name servedSince version division { id nameZh nameEn } station { id name } }
  }
`);

// The facility comes back with its station: the document cache then refetches every query
// holding that station, this card and the station's page among them.
const RegisterFacility = graphql(`
  mutation RegisterHostFacility($input: RegisterHostFacilityInput!) {
    registerHostFacility(input: $input) {
      facility { id kind name servedSince version division { id } station { id } }
      userErrors { field code message }
    }
  }
`);

const ServeFacility = graphql(`
  mutation ServeHostFacility($input: ServeHostFacilityInput!) {
    serveHostFacility(input: $input) {
      facility { id servedSince version station { id } }
      userErrors { field code message }
    }
  }
`);

type Division = { id: string; nameZh: string; nameEn?: string | null };
type Choice = { id: string; name: string; version: number; division: Division; station?: { id: string; name: string } | null };

/**
 * The facilities (schools) a station serves, which targets such as 一校一社工 count; an
 * administrator registers one, has the station serve one of the bureau's, or stops it serving one.
 * `divisionId` is the station's own division, whose facilities the picker offers first.
 */
export default function HostFacilities({ stationId, divisionId, today, open }: { stationId: string; divisionId: string; today: string; open: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { admin } = useRights();
  const [dialog, setDialog] = useState<'serve' | 'register' | null>(null);
  const [{ data, fetching, error }] = useQuery({ query: FacilitiesQuery, variables: { id: stationId } });
  const [, serve] = useMutation(ServeFacility);
  const served = data?.node?.__typename === 'Station' ? data.node.servedFacilities : null;
  const divisionName = (d: Division) => (lang === 'zh' ? d.nameZh : d.nameEn || d.nameZh);
  const stop = async (f: { id: string; version: number; name: string }) => {
    const r = await serve({ input: { id: f.id, version: f.version, stationId: null, servedSince: null } });
    const errors = r.data?.serveHostFacility?.userErrors ?? [];
    if (r.error) message.error(describeError(r.error, t));
    else if (errors.length) message.error(errors.map((e) => userErrorMessage(e, lang)).join(t('；', '; ')));
    else message.success(t(`本站不再服务${f.name}`, `The station no longer serves ${f.name}`));
  };
  const editable = admin && open;
  return (
    <Card title={t('服务的依托场所', 'Facilities served')} data-testid="host-facilities"
      extra={editable && (
        <Space>
          <Button size="small" data-testid="facility-register" onClick={() => setDialog('register')}>{t('登记场所', 'Register a facility')}</Button>
          <Button size="small" type="primary" data-testid="facility-serve" onClick={() => setDialog('serve')}>{t('服务场所', 'Serve a facility')}</Button>
        </Space>
      )}>
      {!served ? <Pending fetching={fetching} error={error} /> : (
        <Table size="small" rowKey="id" pagination={false} dataSource={served}
          locale={{ emptyText: t('本站尚未服务任何学校等场所', 'The station serves no school or other facility yet') }}
          columns={[
            { title: t('名称', 'Name'), render: (_, f) => <>{f.name} <Tag>{enumLabel(lang, REGISTRY_ENUMS.facilityKind, f.kind)}</Tag></> },
            { title: t('区划', 'Division'), render: (_, f) => <span style={{ whiteSpace: 'nowrap' }}>{divisionName(f.division)}</span> },
            { title: t('服务起始', 'Served since'), render: (_, f) => <span style={{ whiteSpace: 'nowrap' }}>{f.servedSince ?? '—'}</span> },
            ...(editable ? [{
              title: '', key: 'stop',
              render: (_: unknown, f: (typeof served)[number]) => (
                <Popconfirm title={t(`本站不再服务${f.name}？`, `Stop serving ${f.name}?`)} okText={t('确定', 'Yes')} cancelText={t('取消', 'Cancel')}
                  okButtonProps={{ ...{ 'data-testid': 'facility-stop-confirm' } }} onConfirm={() => stop(f)}>
                  <Button size="small" data-testid="facility-stop" aria-label={t(`停止服务${f.name}`, `Stop serving ${f.name}`)}>{t('停止服务', 'Stop serving')}</Button>
                </Popconfirm>
              ),
            }] : []),
          ]} />
      )}
      {dialog === 'serve' && (
        <ServeDialog stationId={stationId} divisionId={divisionId} today={today} onClose={() => setDialog(null)} />
      )}
      {dialog === 'register' && <RegisterDialog stationId={stationId} divisionId={divisionId} today={today} onClose={() => setDialog(null)} />}
    </Card>
  );
}

function ServeDialog({ stationId, divisionId, today, onClose }: { stationId: string; divisionId: string; today: string; onClose: () => void }) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: FacilityChoices });
  const [, serve] = useMutation(ServeFacility);
  const loading = !data;
  const offered: readonly Choice[] = (data?.hostFacilities ?? []).filter((f) => f.station?.id !== stationId);
  const option = (f: Choice) => ({
    value: f.id,
    label: f.station ? t(`${f.name}（现由${f.station.name}服务）`, `${f.name} (served by ${f.station.name})`) : f.name,
  });
  const near = offered.filter((f) => f.division.id === divisionId);
  const far = offered.filter((f) => f.division.id !== divisionId);
  const options = [
    ...(near.length ? [{ label: t('本站所在区划', "The station's division"), options: near.map(option) }] : []),
    ...(far.length ? [{ label: t('其他区划', 'Other divisions'), options: far.map(option) }] : []),
  ];
  return (
    <FormDialog title={t('服务依托场所', 'Serve a facility')} fields={['id', 'servedSince']} testId="serve-facility-form"
      initialValues={{ servedSince: today }} done={t('已设为本站服务', 'The station serves it now')} onClose={onClose}
      submit={async (v) => {
        const chosen = offered.find((f) => f.id === v.id);
        if (!chosen) return { userErrors: [{ field: ['input', 'id'], code: 'NOT_FOUND', message: t('请选择场所', 'Choose a facility') }] };
        const r = await serve({ input: { id: chosen.id, version: chosen.version, stationId, servedSince: v.servedSince as string } });
        return { error: r.error, userErrors: r.data?.serveHostFacility?.userErrors };
      }}>
      <Typography.Paragraph type="secondary">
        {t('可选择本单位已登记的学校等场所；未登记的请先“登记场所”。已由其他站点服务的，保存后改由本站服务。',
          'Choose among the facilities the bureau has registered (register a new one first). One another station serves moves to this station.')}
      </Typography.Paragraph>
      <Form.Item name="id" label={t('场所', 'Facility')} rules={[{ required: true, message: t('请选择场所', 'Choose a facility') }]}>
        <Select showSearch optionFilterProp="label" loading={loading} options={options}
          notFoundContent={loading ? undefined : t('没有可选的场所', 'No facility to choose')} />
      </Form.Item>
      <Form.Item name="servedSince" label={t('服务起始日期', 'Served since')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
    </FormDialog>
  );
}

function RegisterDialog({ stationId, divisionId, today, onClose }: { stationId: string; divisionId: string; today: string; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { divisions } = useLookups();
  const [, register] = useMutation(RegisterFacility);
  return (
    <FormDialog title={t('登记依托场所', 'Register a facility')} fields={['name', 'kind', 'divisionId', 'servedSince']} testId="register-facility-form"
      initialValues={{ kind: 'SCHOOL', divisionId, serve: true, servedSince: today }} done={t('场所已登记', 'Facility registered')} onClose={onClose}
      submit={async (v) => {
        const { serve, servedSince, ...facility } = v as { serve?: boolean; servedSince?: string; name: string; kind: never; divisionId: string };
        const r = await register({ input: { ...facility, ...(serve ? { stationId, servedSince } : {}) } });
        return { error: r.error, userErrors: r.data?.registerHostFacility?.userErrors };
      }}>
      <Form.Item name="name" label={t('场所名称', 'Name')} rules={[{ required: true, whitespace: true, message: t('请填写场所名称', 'Name the facility') }]}>
        <Input maxLength={200} placeholder={t('如：杭州市上城区某某小学', 'e.g. a primary school')} />
      </Form.Item>
      <Form.Item name="kind" label={t('类型', 'Kind')} rules={[{ required: true }]}>
        <Select options={enumOptions(lang, REGISTRY_ENUMS.facilityKind)} />
      </Form.Item>
      <Form.Item name="divisionId" label={t('所在区划', 'Division')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label"
          options={divisions.map((d) => ({ value: d.id, label: lang === 'zh' ? d.nameZh : d.nameEn || d.nameZh }))} />
      </Form.Item>
      <Form.Item name="serve" label={t('由本站服务', 'Served by this station')} valuePropName="checked"><Switch /></Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.serve !== b.serve}>
        {({ getFieldValue }) => getFieldValue('serve') && (
          <Form.Item name="servedSince" label={t('服务起始日期', 'Served since')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
        )}
      </Form.Item>
      <Typography.Text type="secondary">
        {t('目标（如一校一社工）按此登记统计；本站服务的场所可在登记后随时调整。', 'Targets such as one social worker per school count these; who serves it can change later.')}
      </Typography.Text>
    </FormDialog>
  );
}
