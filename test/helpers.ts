import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { openContext, type Started } from '../src/bootstrap.js';
import { loadConfig, type Config } from '../src/config.js';
import { DEMO_PASSWORD } from '../src/demo.js';

export { DEMO_PASSWORD };

/** The databases the storage tests run on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabases(): Array<{ name: string; url: string | undefined }> {
  const list: Array<{ name: string; url: string | undefined }> = [{ name: 'sqlite', url: undefined }];
  if (process.env.TEST_DATABASE_URL) list.push({ name: 'postgres', url: process.env.TEST_DATABASE_URL });
  return list;
}

/** Any number of migrations at once, or one schema drop (an arbitrary key of our own). */
const SCHEMA_LOCK = 7_205_140;

/**
 * Runs `fn` holding the test schemas' lock on PostgreSQL. Kysely's migrator lists the tables of every
 * schema in the database, and that listing fails when another test file drops its schema meanwhile
 * (test files run in parallel): migrations hold the lock shared, a drop holds it alone.
 */
export async function holdingSchemaLock<T>(url: string, mode: 'shared' | 'exclusive', fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(mode === 'shared' ? 'select pg_advisory_lock_shared($1)' : 'select pg_advisory_lock($1)', [SCHEMA_LOCK]);
    return await fn(client);
  } finally {
    // Ending the session releases the lock.
    await client.end();
  }
}

/** A new PostgreSQL schema name for one test file's tables (dropped with dropTestSchema). */
export const newTestSchema = () => `t_${randomBytes(6).toString('hex')}`;

/** Drops a test's PostgreSQL schema (see holdingSchemaLock). */
export async function dropTestSchema(url: string, schema: string) {
  await holdingSchemaLock(url, 'exclusive', (client) => client.query(`drop schema ${schema} cascade`));
}

export interface TestServer extends Started {
  app: FastifyInstance;
  baseUrl: string;
  config: Config;
  close(): Promise<void>;
}

/**
 * A real server on loopback over a fresh database (a temp SQLite file, or a fresh PostgreSQL schema),
 * with the demo data unless told otherwise.
 */
export async function startServer(options: { url?: string | undefined; demoData?: boolean; env?: Record<string, string> } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-test-'));
  // Test files log in many times from one address (the login rate limit has its own test), and build
  // their own documents and catalogues on the demo units (the demo content has its own test).
  const config = loadConfig({ DATA_DIR: dataDir, DEMO_DATA: options.demoData === false ? 'false' : 'true', LOGIN_RATE_LIMIT: '10000', DEMO_CONTENT: 'false', ...(options.url ? { DATABASE_URL: options.url } : {}), ...options.env });
  const schema = options.url ? newTestSchema() : undefined;
  const open = () => openContext(config, schema ? { schema } : {});
  const started = options.url ? await holdingSchemaLock(options.url, 'shared', open) : await open();
  const app = await buildApp(started.ctx, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    ...started,
    app,
    config,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await started.handle.close();
      if (options.url && schema) await dropTestSchema(options.url, schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Response<T = any> {
  status: number;
  body: T;
  text: string;
  /** The raw bytes (fetch's text() drops a BOM). */
  bytes: Buffer;
  headers: Headers;
}

/** A browser-like HTTP client: keeps cookies and sends the CSRF header like the admin app does. */
export class Client {
  private cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  cookie(name: string) {
    return this.cookies.get(name);
  }

  async request<T = any>(method: string, path: string, body?: unknown, options: { csrf?: boolean; form?: boolean; headers?: Record<string, string> } = {}): Promise<Response<T>> {
    if (method !== 'GET' && !this.cookies.has('gk_csrf')) await this.request('GET', '/healthz');
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (options.csrf !== false && method !== 'GET') headers['x-csrf-token'] = this.cookies.get('gk_csrf') ?? '';
    let payload: string | FormData | undefined;
    if (body instanceof FormData) {
      payload = body;
    } else if (body !== undefined) {
      if (options.form) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        payload = new URLSearchParams(body as Record<string, string>).toString();
      } else {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(body);
      }
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body: payload, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c) || /max-age=0/i.test(c)) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as T, text, bytes, headers: res.headers };
  }

  /** Sends one file as multipart/form-data field `file`, as the admin app's upload buttons do. */
  upload<T = any>(path: string, name: string, data: Buffer, type = 'application/octet-stream'): Promise<Response<T>> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)], { type }), name);
    return this.request<T>('POST', path, form);
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body ?? {});
  patch = <T = any>(path: string, body: unknown) => this.request<T>('PATCH', path, body);
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);

  async login(username: string, password = DEMO_PASSWORD) {
    const res = await this.post('/api/v1/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${res.text}`);
    return res;
  }
}

/** Logs in a demo account and returns its client. */
export async function as(server: TestServer, username: string) {
  const client = new Client(server.baseUrl);
  await client.login(username);
  return client;
}

/** Id of a unit by its full name. */
export async function unitId(server: TestServer, name: string): Promise<number> {
  const row = await server.ctx.db.selectFrom('unit').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

/** For an API test suite: a demo-data server on the given database and the id of 三明市教育局, started before and closed after. */
export function useDemoServer(url: string | undefined): { server: TestServer; edu: number } {
  const t = {} as { server: TestServer; edu: number };
  before(async () => {
    t.server = await startServer({ url });
    t.edu = await unitId(t.server, '三明市教育局');
  });
  after(() => t.server?.close());
  return t;
}
