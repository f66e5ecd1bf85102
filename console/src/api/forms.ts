/** A list's rows without their blank fields (a blank condition is no condition), and no row left empty. */
export function rowsOf(rows: unknown): Record<string, unknown>[] | undefined {
  if (!Array.isArray(rows)) return undefined;
  return rows
    .map((r) => Object.fromEntries(Object.entries((r ?? {}) as Record<string, unknown>).filter(([, x]) => x !== undefined && x !== null && x !== '')))
    .filter((r) => Object.keys(r).length > 0);
}

/** A list of texts without its blank entries. */
export function textsOf(texts: unknown): string[] | undefined {
  if (!Array.isArray(texts)) return undefined;
  return texts.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
}

/**
 * What is left to pay of an amount, as exact decimal text with two places: `"150000.00"` less
 * `"50000.5"` is `"99999.50"`, never less than nothing. Counted in fen, never in floating point.
 */
export function remaining(amount: string | null | undefined, paid: string | null | undefined): string {
  const fen = (x: string | null | undefined) => {
    const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec((x ?? '0').trim());
    return m ? BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0')) : 0n;
  };
  const left = fen(amount) - fen(paid);
  const out = left > 0n ? left : 0n;
  return `${out / 100n}.${String(out % 100n).padStart(2, '0')}`;
}

/**
 * A form's values once its own rules pass, or null when they do not: the form then marks what is
 * missing, and nothing is left as an unhandled rejection for the page's console. A check that
 * another check overtook (antd's `outOfDate`, a field validating meanwhile) found nothing wrong:
 * the values are checked again rather than the save dropped without a word.
 */
export async function valuesOf<T = Record<string, unknown>>(form: { validateFields: () => Promise<T> }): Promise<T | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await form.validateFields();
    } catch (e) {
      const info = e as { outOfDate?: boolean; errorFields?: readonly unknown[] } | null;
      const overtaken = !!info?.outOfDate && !info.errorFields?.length;
      if (!overtaken || attempt === 3) return null;
    }
  }
}
