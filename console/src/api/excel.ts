import { loadSession } from '../auth';

/** The Excel endpoints take the same bearer token as /graphql; a download cannot carry it in a link. */
function authHeaders(): Record<string, string> {
  const token = loadSession()?.token;
  return token ? { Authorization: `Bearer ${token}` } : {};
}

export class ExcelFailure extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function failure(response: Response): Promise<ExcelFailure> {
  const text = await response.text().catch(() => '');
  let message = response.statusText || String(response.status);
  try {
    const body = JSON.parse(text);
    message = body.message ?? body.error ?? message;
  } catch {
    if (text && text.length < 300) message = text;
  }
  return new ExcelFailure(response.status, message);
}

/** Fetches a workbook and hands it to the browser as a download named `filename`. */
export async function download(path: string, filename: string): Promise<void> {
  const response = await fetch(path, { headers: authHeaders() });
  if (!response.ok) throw await failure(response);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportPath(kind: 'stations' | 'workers' | 'findings' | 'compliance-report' | 'activities' | 'funding', filter: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const q = params.toString();
  return `/excel/export/${kind}.xlsx${q ? `?${q}` : ''}`;
}

export interface ImportRowError {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
  messageEn: string;
}

export interface ImportAnswer {
  kind: string;
  dryRun: boolean;
  rows: number;
  written: number;
  errors: ImportRowError[];
}

export async function importWorkbook(kind: string, file: File, dryRun: boolean): Promise<ImportAnswer> {
  const body = new FormData();
  body.append('file', file);
  const response = await fetch(`/excel/import/${kind}?dryRun=${dryRun}`, { method: 'POST', headers: authHeaders(), body });
  if (!response.ok) {
    // a refused workbook still answers its row errors
    const text = await response.text();
    try {
      const parsed = JSON.parse(text);
      if (Array.isArray(parsed.errors)) return parsed as ImportAnswer;
      throw new ExcelFailure(response.status, parsed.message ?? parsed.error ?? response.statusText);
    } catch (e) {
      if (e instanceof ExcelFailure) throw e;
      throw new ExcelFailure(response.status, text.slice(0, 300) || response.statusText);
    }
  }
  return (await response.json()) as ImportAnswer;
}
