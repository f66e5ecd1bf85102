import type { CombinedError } from 'urql';

export interface ApiUserError {
  field?: readonly string[] | null;
  code: string;
  message: string;
}

/**
 * Splits a payload's userErrors into the form fields they name and the rest. A path such as
 * ["input", "rooms", "1"] belongs to the form's `rooms` control: the form edits the list as one
 * field, so an index inside it points at that field.
 */
export function fieldErrors(
  errors: readonly ApiUserError[],
  formFields: readonly string[],
): { fields: { name: string; errors: string[] }[]; other: string[] } {
  const byField = new Map<string, string[]>();
  const other: string[] = [];
  for (const e of errors) {
    const path = (e.field ?? []).filter((p) => p !== 'input');
    const name = path.find((p) => formFields.includes(p));
    if (name) byField.set(name, [...(byField.get(name) ?? []), e.message]);
    else other.push(path.length ? `${path.join('.')}: ${e.message}` : e.message);
  }
  return { fields: [...byField].map(([name, errs]) => ({ name, errors: errs })), other };
}

/** The GraphQL error code of a failed request, as the service puts it in `extensions.code`. */
export function errorCode(error: CombinedError | undefined): string | undefined {
  const code = error?.graphQLErrors.find((g) => g.extensions?.code)?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A request's failure in words, for a person: never an empty string. */
export function describeError(error: CombinedError, t: (zh: string, en: string) => string): string {
  if (error.networkError) {
    return t('无法连接服务：', 'Cannot reach the service: ') + error.networkError.message;
  }
  const code = errorCode(error);
  const messages = error.graphQLErrors.map((g) => g.message).join('; ');
  switch (code) {
    case 'UNAUTHENTICATED':
      return t('登录已失效，请重新登录。', 'Your sign-in has ended; please sign in again.');
    case 'FORBIDDEN':
      return t('没有权限执行此操作。', 'You are not allowed to do this.') + (messages ? ` (${messages})` : '');
    default:
      return messages || error.message || t('未知错误', 'Unknown error');
  }
}

/**
 * A JSON document's error path, ["input", "document", "stationKinds", "0", "wording"], as the
 * editor shows it: stationKinds[0].wording.
 */
export function documentPath(field: readonly string[] | null | undefined): string {
  const path = (field ?? []).slice();
  const at = path.indexOf('document');
  const rest = at >= 0 ? path.slice(at + 1) : path.filter((p) => p !== 'input');
  return rest.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}
