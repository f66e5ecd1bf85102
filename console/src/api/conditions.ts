/** A rule condition where the draft holds it: its path, and the line of the JSON text it sits on. */
export interface Located { path: string; expression: string; line: number }

/** Every CEL condition of a draft: qualification alternatives' conditions and staffing rules' `counts`. */
export function locateConditions(text: string): Located[] | null {
  let doc: { qualificationRules?: unknown; staffingRules?: unknown };
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const lineOf = (key: string, expression: string, from: number) => {
    const needle = `"${key}": ${JSON.stringify(expression)}`;
    const i = lines.findIndex((l, n) => n >= from && l.includes(needle));
    return i < 0 ? 0 : i + 1;
  };
  const out: Located[] = [];
  let from = 0;
  const add = (path: string, key: string, expression: unknown) => {
    if (typeof expression !== 'string') return;
    const line = lineOf(key, expression, from);
    if (line) from = line;
    out.push({ path, expression, line });
  };
  const list = (x: unknown) => (Array.isArray(x) ? x : []) as Record<string, unknown>[];
  list(doc?.staffingRules).forEach((r, i) => add(`staffingRules[${i}].counts`, 'counts', r?.counts));
  from = 0;
  list(doc?.qualificationRules).forEach((q, i) => list(q?.alternatives).forEach((a, j) => list(a?.conditions).forEach((c, k) =>
    add(`qualificationRules[${i}].alternatives[${j}].conditions[${k}].expression`, 'expression', c?.expression))));
  return out;
}

