import { useState } from 'react';
import { Alert, type FormInstance } from 'antd';
import type { OperationResult } from 'urql';
import { describeError, fieldErrors, type ApiUserError } from '../../api/errors';
import { useI18n } from '../../i18n';
import { useRights, useSession } from '../../session';

export { termsOf, startOfYear, type Term } from './terms';

/**
 * What the caller's roles, and an operator's grants, let a station's year offer; the service
 * checks each write again.
 */
export function useYearRights(stationId: string) {
  const { session } = useSession();
  const { canEditStation } = useRights();
  const has = (r: string) => session.roles.includes(r);
  const admin = has('TENANT_ADMIN');
  return {
    /** projects, activities, featured cases, due items and rectifications of a station granted to the caller */
    record: canEditStation(stationId),
    /** visits, findings and re-inspections */
    supervise: admin || has('SUPERVISOR'),
    /** accepting or returning featured cases */
    review: admin,
  };
}

/**
 * A form's mutation: the request's failure or the payload's userErrors, those naming a field on
 * that field and the rest above the form. Resolves true when the payload came back clean.
 */
export function useFormMutation(form: FormInstance, fields: readonly string[]) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [other, setOther] = useState<string[]>([]);
  const run = async <D,>(
    call: () => Promise<OperationResult<D>>,
    payload: (data: D) => { userErrors: readonly ApiUserError[] } | null | undefined,
  ): Promise<boolean> => {
    setBusy(true);
    setOther([]);
    const r = await call();
    setBusy(false);
    if (r.error) {
      setOther([describeError(r.error, t)]);
      return false;
    }
    const errors = (r.data && payload(r.data)?.userErrors) ?? [];
    if (errors.length) {
      const split = fieldErrors(errors, fields, { lang });
      form.setFields(split.fields);
      setOther(split.other);
      return false;
    }
    return true;
  };
  const alerts = other.map((m) => <Alert key={m} type="error" showIcon title={m} style={{ marginBottom: 12 }} role="alert" />);
  return { run, busy, alerts };
}

/** Drops the fields left empty, so the service applies its defaults rather than reading blanks. */
export function filled<T extends Record<string, unknown>>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, x]) => x !== undefined && x !== null && x !== '')) as T;
}
