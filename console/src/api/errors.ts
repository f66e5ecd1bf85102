import type { CombinedError } from 'urql';
import type { Lang } from '../i18n';
import { errorPath, pathLabel, userErrorMessage } from './messages';

export interface ApiUserError {
  field?: readonly string[] | null;
  code: string;
  message: string;
}

/** Where an error lands in a form: a field's name, or a path into a list's row (antd's `NamePath`). */
export type FormName = string | (string | number)[];

/**
 * Splits a payload's userErrors into the form fields they name and the rest, each in the console's
 * language (`userErrorMessage`). A path such as ["input", "rooms", "1"] belongs to the form's
 * `rooms` control when the form edits the list as one field; a form that edits a list row by row
 * (an antd `Form.List`, named in `lists`) gets ["input", "tranches", "1", "amount"], or the service's
 * ["input", "tranches[1]", "amount"], on that row's `amount`.
 */
export function fieldErrors(
  errors: readonly ApiUserError[],
  formFields: readonly string[],
  { lists = [], lang = 'en' }: { lists?: readonly string[]; lang?: Lang } = {},
): { fields: { name: FormName; errors: string[] }[]; other: string[] } {
  const byField = new Map<string, { name: FormName; errors: string[] }>();
  const other: string[] = [];
  for (const e of errors) {
    const path = errorPath(e.field);
    const message = userErrorMessage(e, lang);
    let name: FormName | undefined;
    if (lists.includes(path[0]) && path.length > 2 && /^\d+$/.test(path[1])) {
      name = [path[0], Number(path[1]), ...path.slice(2)];
    } else {
      name = path.find((p) => formFields.includes(p) || lists.includes(p));
    }
    if (name === undefined) {
      other.push(path.length ? `${pathLabel(path, lang)}${lang === 'zh' ? '：' : ': '}${message}` : message);
      continue;
    }
    const key = JSON.stringify(name);
    const at = byField.get(key) ?? { name, errors: [] };
    at.errors.push(message);
    byField.set(key, at);
  }
  return { fields: [...byField.values()], other };
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
