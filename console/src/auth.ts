// The session lives in sessionStorage: it survives a reload of the tab but not the tab itself,
// and never travels in a URL where logs or the Referer header would keep it.
const KEY = 'shegong.session';

export interface Session {
  token: string;
  username: string;
  tenant: string;
  roles: string[];
}

export interface LoginAnswer {
  access_token: string;
  username: string;
  roles: string[];
  must_change_password: boolean;
}

export class LoginFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}

async function post(path: string, body: unknown, token?: string): Promise<LoginAnswer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
  } catch (e) {
    throw new LoginFailure(0, 'network', String(e));
  }
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    // a proxy's HTML error page: the status says enough
  }
  if (!response.ok) {
    const retry = Number(response.headers.get('Retry-After') ?? '') || undefined;
    throw new LoginFailure(
      response.status,
      String(parsed.error ?? response.status),
      String(parsed.message ?? response.statusText),
      retry,
    );
  }
  return parsed as unknown as LoginAnswer;
}

/** An empty tenant signs a platform administrator in: it belongs to no bureau. */
export function login(tenant: string, username: string, password: string): Promise<LoginAnswer> {
  return post('/login', { tenant: tenant || undefined, username, password });
}

/** Replaces the password; `token` may be the short-lived one a one-time password logs in to. */
export function changePassword(token: string, password: string, newPassword: string): Promise<LoginAnswer> {
  return post('/login/password', { password, newPassword }, token);
}
