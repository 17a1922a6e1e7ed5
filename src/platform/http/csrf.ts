import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createCsrfToken, isValidCsrfToken } from '../auth/sessions.js';
import { AppError } from './errors.js';

export const CSRF_COOKIE = 'gk_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = '_csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    /** Token to embed in forms rendered for this request. */
    csrfToken: string;
  }
}

/**
 * Signed double-submit CSRF protection for every unsafe request: the readable cookie's value must
 * come back in the `X-CSRF-Token` header (scripts) or the `_csrf` form field (HTML forms).
 */
export function registerCsrf(app: FastifyInstance, secret: string, secureCookies: boolean) {
  app.decorateRequest('csrfToken', '');
  app.addHook('onRequest', async (req, reply) => {
    const cookie = req.cookies[CSRF_COOKIE];
    if (isValidCsrfToken(secret, cookie)) {
      req.csrfToken = cookie!;
      return;
    }
    req.csrfToken = createCsrfToken(secret);
    reply.setCookie(CSRF_COOKIE, req.csrfToken, { path: '/', sameSite: 'lax', httpOnly: false, secure: secureCookies });
  });
  app.addHook('preValidation', async (req: FastifyRequest) => {
    if (SAFE.has(req.method)) return;
    const cookie = req.cookies[CSRF_COOKIE];
    const header = req.headers[CSRF_HEADER];
    const field = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>)[CSRF_FIELD] : undefined;
    const sent = typeof header === 'string' ? header : typeof field === 'string' ? field : undefined;
    if (!cookie || !isValidCsrfToken(secret, cookie) || sent !== cookie) {
      throw new AppError(403, 'csrf_failed', '页面已过期或请求来源无法验证，请刷新页面后重试');
    }
  });
}
