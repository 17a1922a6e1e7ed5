import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Render cache for public pages: a rendered page is kept with its ETag and its gzip and brotli forms, and
 * served again while the site's content version is unchanged. The version comes from the database (every
 * change appends to the audit chain), so a page published through one server process is re-rendered by
 * every other process at their next version check (at most `checkMs` later). Routes opt in with
 * `config: { pageCache: true }`.
 */
export interface PageCacheOptions {
  /** The content version: any change of it invalidates every entry. */
  version: () => Promise<string>;
  /** What else the page depends on besides its URL (e.g. the elder-mode cookie). */
  variant: (req: FastifyRequest) => string;
  maxEntries: number;
  /** How long a version read is reused (milliseconds). */
  checkMs?: number;
}

interface Entry {
  version: string;
  etag: string;
  type: string;
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    pageCache?: boolean;
  }
  interface FastifyRequest {
    pageCacheVersion?: string;
  }
}

/** Least-recently-used map with a size limit. */
export class LruCache<V> {
  private map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V) {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
  get size() {
    return this.map.size;
  }
}

/** Reads the version at most once per `ms`; callers in between share the last read (or the one in flight). */
export function throttledVersion(read: () => Promise<string>, ms: number): (() => Promise<string>) & { reset(): void } {
  let last: { at: number; value: Promise<string> } | null = null;
  const get = () => {
    const now = Date.now();
    if (!last || now - last.at >= ms) {
      const value = read();
      last = { at: now, value };
      value.catch(() => (last = null));
    }
    return last.value;
  };
  return Object.assign(get, { reset: () => (last = null) });
}

/** Which stored form to send: brotli, gzip or plain, by the client's Accept-Encoding (q=0 refuses). */
export function pickEncoding(accept: string | undefined): 'br' | 'gzip' | null {
  const allowed = new Set<string>();
  for (const part of (accept ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (name && (!q || Number(q.slice(2)) > 0)) allowed.add(name);
  }
  return allowed.has('br') ? 'br' : allowed.has('gzip') ? 'gzip' : null;
}

/** Validators and encoding for a cached page: 304 when the client has it, else the best stored body. */
function respond(req: FastifyRequest, reply: FastifyReply, e: Entry): { status: 200 | 304; body: Buffer | '' } {
  reply.header('etag', e.etag).header('cache-control', 'public, no-cache').header('vary', 'Accept-Encoding, Cookie');
  if (req.headers['if-none-match'] === e.etag) return { status: 304, body: '' };
  const enc = pickEncoding(req.headers['accept-encoding']);
  reply.header('content-type', e.type);
  if (enc) reply.header('content-encoding', enc);
  return { status: 200, body: enc === 'br' ? e.br : enc === 'gzip' ? e.gzip : e.body };
}

export function registerPageCache(app: FastifyInstance, options: PageCacheOptions) {
  const cache = new LruCache<Entry>(options.maxEntries);
  const version = throttledVersion(options.version, options.checkMs ?? 250);
  const keyOf = (req: FastifyRequest) => `${options.variant(req)} ${req.url}`;

  app.addHook('onRequest', async (req, reply) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.routeOptions.config?.pageCache || options.maxEntries <= 0) return;
    req.pageCacheVersion = await version();
    const hit = cache.get(keyOf(req));
    if (hit && hit.version === req.pageCacheVersion) {
      const { status, body } = respond(req, reply, hit);
      return reply.code(status).send(body);
    }
  });

  // Read your own writes: after a change through this process, the next page read checks the version again.
  app.addHook('onResponse', async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') version.reset();
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.pageCacheVersion || reply.statusCode !== 200 || reply.getHeader('content-encoding') || typeof payload !== 'string') return payload;
    const body = Buffer.from(payload);
    const entry: Entry = {
      version: req.pageCacheVersion, type: String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8'),
      etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`, body,
      gzip: gzipSync(body, { level: 6 }), br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    };
    cache.set(keyOf(req), entry);
    const out = respond(req, reply, entry);
    reply.code(out.status);
    return out.body;
  });
}
