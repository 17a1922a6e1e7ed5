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

export type Role = 'sysadmin' | 'disclosure_office' | 'unit_admin' | 'editor' | 'reviewer' | 'request_handler' | 'leader';
export type Action = 'unit.read' | 'unit.create' | 'unit.update' | 'unit.delete' | 'user.read' | 'user.manage' | 'audit.read';

export interface User {
  id: number;
  username: string;
  displayName: string;
  unitId: number;
  unitName: string;
  roles: Role[];
  disabled: boolean;
  locked: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Me {
  user: User;
  permissions: Action[];
  assignableRoles: Role[];
  roleLabels: Record<Role, string>;
}

export interface Office {
  name: string | null;
  address: string | null;
  hours: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  postcode: string | null;
}

export interface Unit {
  id: number;
  parentId: number | null;
  name: string;
  shortName: string | null;
  kind: 'government' | 'department';
  level: 'city' | 'county' | 'township' | 'village';
  divisionCode: string | null;
  creditCode: string | null;
  sortOrder: number;
  office: Office;
  updatedAt: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorName: string;
  unitName: string | null;
  action: string;
  actionLabel: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

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
