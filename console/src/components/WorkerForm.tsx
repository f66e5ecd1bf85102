import { useState } from 'react';
import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { ENUMS, enumOptions, useI18n } from '../i18n';
import { useRights } from '../session';
import { FormDialog } from './FormDialog';

const RegisterWorker = graphql(`
  mutation RegisterWorker($input: RegisterWorkerInput!) {
    registerWorker(input: $input) {
      worker { id name }
      userErrors { field code message }
    }
  }
`);

const UpdateWorker = graphql(`
  mutation UpdateWorker($input: UpdateWorkerInput!) {
    updateWorker(input: $input) {
      worker { id version name educationLevel educationMajor certificateLevel certificateDate socialWorkYears communityWorkYears lastRecordCheckOn fullTime }
      userErrors { field code message }
    }
  }
`);

const AddTraining = graphql(`
  mutation AddTrainingRecord($input: AddTrainingRecordInput!) {
    addTrainingRecord(input: $input) {
      trainingRecord { id topic provider hours completedOn }
      worker { id trainingHours trainingRecords { id topic provider hours completedOn } }
      userErrors { field code message }
    }
  }
`);

export interface EditableWorker {
  id: string;
  version: number;
  name: string;
  educationLevel: string;
  educationMajor?: string | null;
  certificateLevel: string;
  certificateDate?: string | null;
  socialWorkYears: number;
  communityWorkYears: number;
  lastRecordCheckOn?: string | null;
  fullTime: boolean;
  birthDate?: string | null;
  phone?: string | null;
  idNumber?: string | null;
}

const FIELDS = ['name', 'birthDate', 'phone', 'idNumber', 'educationLevel', 'educationMajor', 'certificateLevel', 'certificateDate',
  'socialWorkYears', 'communityWorkYears', 'lastRecordCheckOn', 'fullTime'];

/**
 * Registers a worker, or edits one's record. Birth date, phone and id number are personal: only
 * an administrator sees or writes them, so the form offers them to no one else.
 */
export function WorkerForm({ worker, onClose, onSaved }: { worker?: EditableWorker; onClose: () => void; onSaved?: (id: string) => void }) {
  const { t, lang } = useI18n();
  const rights = useRights();
  const [, register] = useMutation(RegisterWorker);
  const [, update] = useMutation(UpdateWorker);
  const [key] = useState(() => crypto.randomUUID());
  const initial = worker
    ? Object.fromEntries(Object.entries(worker).filter(([k, v]) => FIELDS.includes(k) && v !== null))
    : { educationLevel: 'BACHELOR', certificateLevel: 'NONE', socialWorkYears: 0, communityWorkYears: 0, fullTime: true };
  return (
    <FormDialog title={worker ? t('编辑社工', 'Edit worker') : t('登记社工', 'Register a worker')} onClose={onClose}
      done={worker ? t('已保存', 'Saved') : t('已登记', 'Registered')} fields={FIELDS} initialValues={initial} testId="worker-form"
      submit={async (v) => {
        if (worker) {
          const r = await update({ input: { ...v, id: worker.id, version: worker.version } });
          return { error: r.error, userErrors: r.data?.updateWorker?.userErrors };
        }
        const r = await register({ input: { ...(v as { name: string; educationLevel: never }), idempotencyKey: key } });
        const id = r.data?.registerWorker?.worker?.id;
        if (id && onSaved) onSaved(id);
        return { error: r.error, userErrors: r.data?.registerWorker?.userErrors };
      }}>
      <Form.Item name="name" label={t('姓名', 'Name')} rules={[{ required: true, message: t('请填写姓名', 'Enter the name') }]}>
        <Input maxLength={100} />
      </Form.Item>
      {rights.personalFields && (
        <>
          <Form.Item name="birthDate" label={t('出生日期', 'Born')}><Input type="date" /></Form.Item>
          <Form.Item name="phone" label={t('电话', 'Phone')}><Input /></Form.Item>
          <Form.Item name="idNumber" label={t('身份证号', 'Resident id number')}><Input maxLength={18} /></Form.Item>
        </>
      )}
      <Form.Item name="educationLevel" label={t('学历', 'Education')} rules={[{ required: true }]}>
        <Select options={enumOptions(lang, ENUMS.education)} />
      </Form.Item>
      <Form.Item name="educationMajor" label={t('专业', 'Major')}><Input maxLength={100} /></Form.Item>
      <Form.Item name="certificateLevel" label={t('证书等级', 'Certificate')}>
        <Select options={enumOptions(lang, ENUMS.certificate)} />
      </Form.Item>
      <Form.Item name="certificateDate" label={t('取证日期', 'Certificate obtained on')}><Input type="date" /></Form.Item>
      <Form.Item name="socialWorkYears" label={t('社工年限', 'Years in social work')}>
        <InputNumber min={0} max={60} step={0.5} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="communityWorkYears" label={t('社区工作年限', 'Years in community work')}>
        <InputNumber min={0} max={60} step={0.5} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="lastRecordCheckOn" label={t('无犯罪记录核查日期', 'Criminal record checked on')}><Input type="date" /></Form.Item>
      <Form.Item name="fullTime" label={t('专职', 'Full-time')} valuePropName="checked"><Switch /></Form.Item>
    </FormDialog>
  );
}

/** A training record: added, never changed. */
export function TrainingForm({ workerId, today, onClose }: { workerId: string; today?: string; onClose: () => void }) {
  const { t } = useI18n();
  const [, add] = useMutation(AddTraining);
  const [key] = useState(() => crypto.randomUUID());
  return (
    <FormDialog title={t('添加培训记录', 'Add a training record')} onClose={onClose} done={t('已添加', 'Added')}
      fields={['topic', 'provider', 'hours', 'completedOn']} initialValues={{ completedOn: today }} testId="training-form"
      submit={async (v) => {
        const r = await add({ input: { ...(v as { topic: string; provider: string; hours: number; completedOn: string }), workerId, idempotencyKey: key } });
        return { error: r.error, userErrors: r.data?.addTrainingRecord?.userErrors };
      }}>
      <Form.Item name="topic" label={t('培训主题', 'Topic')} rules={[{ required: true, message: t('请填写主题', 'Enter the topic') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="provider" label={t('培训机构', 'Provider')} rules={[{ required: true, message: t('请填写机构', 'Enter the provider') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="hours" label={t('学时', 'Hours')} rules={[{ required: true, message: t('请填写学时', 'Enter the hours') }]}>
        <InputNumber min={0.1} max={2000} step={0.5} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="completedOn" label={t('完成日期', 'Completed on')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
    </FormDialog>
  );
}
