import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { AppContext } from './context.js';
import { registerAccountRoutes } from './modules/accounts/routes.js';
import { registerAuthHook } from './modules/accounts/auth-hook.js';
import { registerAuditLogRoutes } from './modules/audit-log/routes.js';
import { registerCalendarRoutes } from './modules/calendar/routes.js';
import { registerRequestRoutes } from './modules/requests/routes.js';
import { registerAnnualReportRoutes } from './modules/annual-reports/routes.js';
import { registerCatalogueRoutes } from './modules/catalogues/routes.js';
import { registerDocumentRoutes } from './modules/documents/routes.js';
import { MAX_ATTACHMENT_BYTES } from './modules/documents/attachments.js';
import { registerSearchRoutes } from './modules/documents/search-routes.js';
import { registerFeedRoutes } from './modules/portal/feeds.js';
import { ELDER_COOKIE, registerPortalRoutes, renderErrorPage } from './modules/portal/routes.js';
import { registerUnitRoutes } from './modules/units/routes.js';
import { registerCsrf } from './platform/http/csrf.js';
import { registerPageCache } from './platform/http/page-cache.js';
import { auditHeadSeq } from './platform/audit/audit.js';
import { beijingToday } from './platform/calendar/calendar.js';
import { describeError } from './platform/http/errors.js';
import { loggerOptions } from './platform/log.js';

const ADMIN_DIST = fileURLToPath(new URL('../dist/admin/', import.meta.url));

const wantsJson = (url: string) => url.startsWith('/api/') || url === '/healthz';
/** Browsers on public pages get an HTML error page; API clients get `{code, message}`. */
const wantsHtml = (url: string, accept: string | undefined) => !wantsJson(url) && (accept ?? '').includes('text/html');

/** Builds the whole HTTP application on a given context (database, config, sessions). */
export async function buildApp(ctx: AppContext, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(ctx.config.logLevel),
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5 } });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Gongkai 政务公开平台 API', version: '1', description: '所有写操作需要登录会话 Cookie 和 X-CSRF-Token 请求头（取自 gk_csrf Cookie）。错误响应为 {code, message}。' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler((error, req, reply) => {
    const { status, code, message } = describeError(error);
    if (status >= 500) req.log.error({ err: error }, 'request failed');
    if (wantsHtml(req.url, req.headers.accept)) return reply.code(status).type('text/html; charset=utf-8').send(renderErrorPage(req, status, message));
    return reply.code(status).send({ code, message });
  });
  app.setNotFoundHandler((req, reply) => {
    if (wantsJson(req.url)) return reply.code(404).send({ code: 'not_found', message: '请求的接口不存在' });
    return reply.code(404).type('text/html; charset=utf-8').send(renderErrorPage(req, 404, '您访问的页面不存在，可能已被删除或地址有误。'));
  });

  // Public pages are cached per process until the data changes (the audit chain's length) or the day turns.
  // Registered first: a cached page is answered before the CSRF and session hooks (it has no form token and
  // is the same for every visitor), which is most of the cost of a request.
  registerPageCache(app, {
    version: async () => `${await auditHeadSeq(ctx.db)}:${beijingToday()}`,
    variant: (req) => (req.cookies[ELDER_COOKIE] === '1' ? 'elder' : 'plain'),
    maxEntries: ctx.config.pageCacheEntries,
  });
  registerCsrf(app, ctx.config.sessionSecret, ctx.config.secureCookies);
  registerAuthHook(app, ctx);

  app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(ctx.db);
      return { status: 'ok', database: ctx.dialect };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: ctx.dialect });
    }
  });

  app.get('/favicon.ico', { schema: { hide: true } }, async (_req, reply) => reply.code(204).header('cache-control', 'public, max-age=86400').send());

  registerUnitRoutes(app, ctx);
  registerAccountRoutes(app, ctx);
  registerAuditLogRoutes(app, ctx);
  registerDocumentRoutes(app, ctx);
  registerSearchRoutes(app, ctx);
  registerCatalogueRoutes(app, ctx);
  registerCalendarRoutes(app, ctx);
  registerRequestRoutes(app, ctx);
  registerAnnualReportRoutes(app, ctx);
  registerPortalRoutes(app, ctx);
  registerFeedRoutes(app, ctx);
  await registerAdminApp(app);
  return app;
}

/** The built admin single-page app under /admin (every deep link gets index.html). */
async function registerAdminApp(app: FastifyInstance) {
  if (!existsSync(ADMIN_DIST)) {
    app.get('/admin', { schema: { hide: true } }, async (_req, reply) =>
      reply.code(503).type('text/plain; charset=utf-8').send('管理端尚未构建：请运行 npm run build:admin'));
    return;
  }
  await app.register(fastifyStatic, { root: ADMIN_DIST, prefix: '/admin/', decorateReply: true, wildcard: false, index: false, maxAge: '1h' });
  const sendIndex = (_req: unknown, reply: import('fastify').FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html', ADMIN_DIST, { maxAge: 0 });
  app.get('/admin', { schema: { hide: true } }, sendIndex);
  app.get('/admin/*', { schema: { hide: true } }, async (req, reply) => {
    const rest = (req.params as { '*': string })['*'];
    if (rest.startsWith('assets/')) return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(rest, ADMIN_DIST);
    return sendIndex(req, reply);
  });
}
