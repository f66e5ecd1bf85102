import { useState, type ReactNode } from 'react';
import { Alert, App, Form, Modal } from 'antd';
import type { CombinedError } from 'urql';
import { describeError, fieldErrors, type ApiUserError } from '../api/errors';
import { valuesOf } from '../api/forms';
import { useI18n } from '../i18n';

export interface Outcome {
  error?: CombinedError;
  userErrors?: readonly ApiUserError[] | null;
}

type Values = Record<string, unknown>;

/**
 * A dialog around one mutation's form: blank fields are left out of the input, the API's
 * userErrors land on the fields they name (the rest above the form), and the dialog closes on
 * success with a short confirmation.
 */
export function FormDialog({ title, fields, lists, initialValues, submit, onClose, done, children, testId, danger, width }: {
  title: string;
  fields: readonly string[];
  /** The fields edited row by row (antd `Form.List`): an error on a row's field lands there. */
  lists?: readonly string[];
  initialValues?: Values;
  submit: (values: Values) => Promise<Outcome>;
  onClose: () => void;
  done: string;
  children: ReactNode;
  testId?: string;
  danger?: boolean;
  width?: number;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [other, setOther] = useState<string[]>([]);
  const save = async () => {
    const values = await valuesOf<Values>(form);
    if (!values) return; // the form marks what is missing
    setBusy(true);
    setOther([]);
    const input = Object.fromEntries(Object.entries(values).filter(([, x]) => x !== undefined && x !== null && x !== ''));
    const r = await submit(input);
    setBusy(false);
    if (r.error) return setOther([describeError(r.error, t)]);
    const errors = r.userErrors ?? [];
    if (errors.length) {
      const split = fieldErrors(errors, fields, { lists, lang });
      form.setFields(split.fields);
      return setOther(split.other);
    }
    message.success(done);
    onClose();
  };
  return (
    <Modal open title={title} onCancel={onClose} onOk={save} confirmLoading={busy} okText={t('保存', 'Save')} width={width}
      cancelText={t('取消', 'Cancel')} destroyOnHidden okButtonProps={{ danger, ...(testId ? { 'data-testid': `${testId}-ok` } : {}) }}>
      {other.map((m) => <Alert key={m} type="error" showIcon title={m} style={{ marginBottom: 12 }} role="alert" />)}
      <Form form={form} layout="vertical" initialValues={initialValues} data-testid={testId}>
        {children}
      </Form>
    </Modal>
  );
}
