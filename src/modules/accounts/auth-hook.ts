import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError, unauthorized } from '../../platform/http/errors.js';
import type { Actor } from './policy.js';
import { userRepository } from './repository.js';
import { toActor } from './service.js';

export const SESSION_COOKIE = 'gk_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
    mustChangePassword: boolean;
  }
}

/** Resolves the session cookie to the acting user on every request. */
export function registerAuthHook(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('mustChangePassword', false);
  app.addHook('onRequest', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await ctx.sessions.resolve(token);
    const user = session && (await userRepository(ctx.db).findById(session.userId));
    if (!user || user.disabled) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    req.actor = toActor(user);
    req.sessionToken = token;
    req.mustChangePassword = user.must_change_password === 1;
  });
}

/**
 * The signed-in user, or 401. Until a user replaces a password set by an administrator, only the
 * password-change routes accept them (403 password_change_required).
 */
export function requireActor(req: FastifyRequest, options: { allowPendingPasswordChange?: boolean } = {}): Actor {
  if (!req.actor) throw unauthorized('请先登录（登录已过期时请重新登录）');
  if (req.mustChangePassword && !options.allowPendingPasswordChange) {
    throw new AppError(403, 'password_change_required', '请先修改初始密码');
  }
  return req.actor;
}
