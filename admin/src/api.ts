/** Thin client for /api/v1: sends the CSRF header, turns `{code, message}` errors into ApiError. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

function csrfToken(): string {
  const m = document.cookie.match(/(?:^|;\s*)gk_csrf=([^;]+)/);
  return m ? decodeURIComponent(m[1]!) : '';
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** Sends a file as the raw request body (e.g. an xlsx import). */
export async function uploadFile<T>(path: string, file: File): Promise<T> {
  const res = await fetch(`/api/v1${path}`, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': file.type || 'application/octet-stream', 'x-csrf-token': csrfToken() }, body: file });
  const data = await res.json().catch(() => ({ code: 'bad_response', message: `服务器返回了无法识别的响应（${res.status}）` }));
  if (!res.ok) throw Object.assign(new ApiError(res.status, data.code, data.message), { details: data.errors as unknown });
  return data as T;
}

let onUnauthorized: () => void = () => {};
export const setUnauthorizedHandler = (fn: () => void) => (onUnauthorized = fn);

export async function api<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const res = await fetch(withQuery(`/api/v1${path}`, query), {
    method,
    credentials: 'same-origin',
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), 'x-csrf-token': csrfToken(), accept: 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => ({ code: 'bad_response', message: `服务器返回了无法识别的响应（${res.status}）` }));
  if (!res.ok) {
    if (res.status === 401 && path !== '/auth/login') onUnauthorized();
    throw new ApiError(res.status, data.code, data.message);
  }
  return data as T;
}

// Types come from the server's zod schemas: one definition of each shape, checked on both sides.
export type { Action, Role } from '../../src/modules/accounts/policy';
export type { MeDto as Me, UserDto as User } from '../../src/modules/accounts/dto';
export type { OfficeDto as Office, UnitDto as Unit } from '../../src/modules/units/dto';
export type { AuditDto as AuditEntry } from '../../src/modules/audit-log/dto';

export interface Page<T> {
  total: number;
  items: T[];
}

/** "2026-11-26T12:00:00Z" → "2026-11-26 20:00" (Beijing time). */
export function formatTime(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}
