import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { fieldErrors } from '../api/errors';
import { describeError } from '../api/errors';
import { ENUMS, enumOptions, useI18n } from '../i18n';
import { useLookups } from './Lookups';
import { valuesOf } from '../api/forms';

const CreateStation = graphql(`
  mutation CreateStation($input: CreateStationInput!) {
    createStation(input: $input) {
      station { id }
      userErrors { field code message }
    }
  }
`);

const UpdateStation = graphql(`
  mutation UpdateStation($input: UpdateStationInput!) {
    updateStation(input: $input) {
      station { id version name address hostFacility operatingMode domain rooms rules division { id nameZh nameEn } }
      userErrors { field code message }
    }
  }
`);

export interface EditableStation {
  id: string;
  version: number;
  name: string;
  domain?: string | null;
  hostFacility?: string | null;
  operatingMode: string;
  address?: string | null;
  rooms: string[];
  rules: string[];
  division: { id: string };
}

const FIELDS = ['code', 'name', 'kind', 'divisionId', 'operatingMode', 'status', 'statusSince', 'domain', 'hostFacility', 'address', 'rooms', 'rules'];

/** Creates a station, or edits one's descriptive fields; the API's userErrors land on the fields they name. */
export function StationForm({ station, onClose, onSaved }: { station?: EditableStation; onClose: () => void; onSaved: (id: string) => void }) {
  const { t, lang, label } = useI18n();
  const [form] = Form.useForm();
  const { kinds, divisions, vocabularies } = useLookups();
  const [, create] = useMutation(CreateStation);
  const [, update] = useMutation(UpdateStation);
  const [other, setOther] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const terms = (list: readonly { code: string; labelZh: string; labelEn: string }[] | null | undefined) =>
    (list ?? []).map((x) => ({ value: x.code, label: `${label(x)} (${x.code})` }));

  const save = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    setBusy(true);
    setOther([]);
    const clean = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''));
    const result = station
      ? await update({ input: { id: station.id, version: station.version, ...clean } }).then((r) => ({
          error: r.error, payload: r.data?.updateStation, id: r.data?.updateStation?.station?.id,
        }))
      : await create({ input: clean as never }).then((r) => ({
          error: r.error, payload: r.data?.createStation, id: r.data?.createStation?.station?.id,
        }));
    setBusy(false);
    if (result.error) {
      setOther([describeError(result.error, t)]);
      return;
    }
    const errors = result.payload?.userErrors ?? [];
    if (errors.length) {
      const split = fieldErrors(errors, FIELDS, { lang });
      form.setFields(split.fields);
      setOther(split.other);
      return;
    }
    if (result.id) onSaved(result.id);
  };

  return (
    <Modal open title={station ? t('编辑站点', 'Edit station') : t('新建站点', 'New station')} onCancel={onClose}
      onOk={save} confirmLoading={busy} okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')} destroyOnHidden width={640}>
      {other.map((m) => <Alert key={m} type="error" showIcon title={m} style={{ marginBottom: 12 }} role="alert" />)}
      <Form form={form} layout="vertical" name="station"
        initialValues={station ? {
          name: station.name, domain: station.domain ?? undefined, hostFacility: station.hostFacility ?? undefined,
          operatingMode: station.operatingMode, address: station.address ?? undefined, rooms: station.rooms,
          rules: station.rules, divisionId: station.division.id,
        } : { operatingMode: 'SELF_RUN', status: 'OPERATING', rooms: [], rules: [] }}>
        {!station && (
          <>
            <Form.Item name="code" label={t('代码', 'Code')} rules={[{ required: true }]}><Input /></Form.Item>
            <Form.Item name="kind" label={t('站点类型', 'Kind')} rules={[{ required: true }]}>
              <Select options={kinds.map((k) => ({ value: k.code, label: label(k) }))} />
            </Form.Item>
          </>
        )}
        <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="divisionId" label={t('区划', 'Division')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label"
            options={divisions.map((d) => ({ value: d.id, label: lang === 'zh' ? d.nameZh : d.nameEn || d.nameZh }))} />
        </Form.Item>
        <Form.Item name="operatingMode" label={t('运营方式', 'Operating mode')} rules={[{ required: true }]}>
          <Select options={enumOptions(lang, ENUMS.operatingMode)} />
        </Form.Item>
        {!station && (
          <>
            <Form.Item name="status" label={t('状态', 'Status')}><Select options={enumOptions(lang, ENUMS.stationStatus)} /></Form.Item>
            <Form.Item name="statusSince" label={t('状态起始日期', 'Status since')}><Input type="date" /></Form.Item>
          </>
        )}
        <Form.Item name="domain" label={t('服务领域', 'Domain')}>
          <Select allowClear options={terms(vocabularies?.domains)} />
        </Form.Item>
        <Form.Item name="hostFacility" label={t('依托场所', 'Host facility')}><Input /></Form.Item>
        <Form.Item name="address" label={t('地址', 'Address')}><Input /></Form.Item>
        <Form.Item name="rooms" label={t('功能室', 'Rooms')}>
          <Select mode={vocabularies?.rooms ? 'multiple' : 'tags'} options={terms(vocabularies?.rooms)} />
        </Form.Item>
        <Form.Item name="rules" label={t('制度', 'Rules')}>
          <Select mode={vocabularies?.rules ? 'multiple' : 'tags'} options={terms(vocabularies?.rules)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
