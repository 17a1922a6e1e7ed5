import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { PASSWORD_MAX_LENGTH } from '../../platform/auth/passwords.js';
import { beijingDateTime, csvDisposition, toCsv } from '../../platform/http/csv.js';
import { forbidden } from '../../platform/http/errors.js';
import { authErrors, ErrorDto, IdParams, Pagination } from '../../platform/http/schemas.js';
import { requireActor, SESSION_COOKIE } from './auth-hook.js';
import { MeDto, RoleEnum, UserDto } from './dto.js';
import { ACTIONS, assignableRoles, canAnywhere, ROLE_LABELS, ROLES, scopeOf } from './policy.js';
import { userRepository } from './repository.js';
import * as accounts from './service.js';

const Password = z.string().min(1).max(PASSWORD_MAX_LENGTH);

const UserListQuery = Pagination.extend({
  unitId: z.coerce.number().int().positive().optional(),
  includeSubunits: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  q: z.string().trim().max(50).optional(),
  role: RoleEnum.optional(),
  status: z.enum(['active', 'disabled', 'locked']).optional(),
  sort: z.enum(['username', 'displayName', 'unit', 'lastLogin', 'createdAt']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
});

/** Work e-mail for deadline reminders; empty clears it. */
const Email = z.union([z.literal('').transform(() => null), z.null(), z.email('电子邮箱格式不正确').max(100)]);

const NewUserBody = z.object({
  username: z.string().trim().min(3).max(32),
  displayName: z.string().trim().min(1).max(50),
  email: Email.optional(),
  unitId: z.number().int().positive(),
  roles: z.array(RoleEnum).min(1).max(ROLES.length),
  password: Password,
});

const UserPatchBody = z.object({
  displayName: z.string().trim().min(1).max(50).optional(),
  email: Email.optional(),
  unitId: z.number().int().positive().optional(),
  roles: z.array(RoleEnum).min(1).max(ROLES.length).optional(),
  disabled: z.boolean().optional(),
});

const info = (req: { ip: string }) => ({ ip: req.ip });

export function registerAccountRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.secureCookies };

  const me = async (actor: UserDto | undefined, actorRoles: ReturnType<typeof requireActor>) => ({
    user: actor!,
    permissions: ACTIONS.filter((a) => canAnywhere(actorRoles, a)),
    assignableRoles: assignableRoles(actorRoles),
    roleLabels: ROLE_LABELS,
  });

  app.post('/api/v1/auth/login', {
    config: { rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' } },
    schema: {
      tags: ['登录与账号'], summary: '登录',
      description: '用户名和密码登录；密码连续错误 5 次锁定 15 分钟。成功后设置 HttpOnly 会话 Cookie（空闲 30 分钟过期）。',
      body: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(PASSWORD_MAX_LENGTH) }),
      response: { 200: MeDto, 400: ErrorDto, 401: ErrorDto, 403: ErrorDto, 423: ErrorDto, 429: ErrorDto },
    },
  }, async (req, reply) => {
    const { token, user } = await accounts.login(ctx, req.body.username, req.body.password, info(req));
    reply.setCookie(SESSION_COOKIE, token, cookieOptions);
    const actor = accounts.toActor((await userRepository(ctx.db).findById(user.id))!);
    return me(user, actor);
  });

  app.post('/api/v1/auth/logout', {
    schema: { tags: ['登录与账号'], summary: '退出登录', response: { 204: z.null(), 403: ErrorDto } },
  }, async (req, reply) => {
    if (req.sessionToken) await accounts.logout(ctx, req.actor, req.sessionToken, info(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/api/v1/auth/me', {
    schema: { tags: ['登录与账号'], summary: '当前用户', response: { 200: MeDto, 401: ErrorDto } },
  }, async (req) => {
    const actor = requireActor(req, { allowPendingPasswordChange: true });
    return me(await accounts.getSelf(ctx, actor), actor);
  });

  app.post('/api/v1/auth/password', {
    schema: {
      tags: ['登录与账号'], summary: '修改本人密码',
      description: '新密码至少 10 位，含大写字母、小写字母、数字、特殊字符中的三类；修改后本人其他会话失效。',
      body: z.object({ currentPassword: Password, newPassword: Password }),
      response: { 204: z.null(), ...authErrors },
    },
  }, async (req, reply) => {
    const actor = requireActor(req, { allowPendingPasswordChange: true });
    await accounts.changeOwnPassword(ctx, actor, req.body.currentPassword, req.body.newPassword, req.sessionToken!, info(req));
    return reply.code(204).send(null);
  });

  const listUsers = (actor: ReturnType<typeof requireActor>, query: z.infer<typeof UserListQuery>) => {
    const scope = scopeOf(actor, 'user.read');
    if (!scope.length) throw forbidden('您无权查看用户');
    return userRepository(ctx.db).list({ ...query, scope });
  };

  app.get('/api/v1/users', {
    schema: {
      tags: ['登录与账号'], summary: '用户列表', description: '只返回当前用户有权查看的单位中的用户。',
      querystring: UserListQuery,
      response: { 200: z.object({ total: z.number(), items: z.array(UserDto) }), ...authErrors },
    },
  }, async (req) => {
    const actor = requireActor(req);
    if (req.query.unitId) await accounts.assertCanReadUnitUsers(ctx, actor, req.query.unitId);
    const { total, items } = await listUsers(actor, req.query);
    return { total, items: items.map((u) => accounts.presentUser(u)) };
  });

  app.get('/api/v1/users/export.csv', {
    schema: { tags: ['登录与账号'], summary: '导出用户列表（CSV）', querystring: UserListQuery.omit({ page: true, pageSize: true }) },
  }, async (req, reply) => {
    const actor = requireActor(req);
    if (req.query.unitId) await accounts.assertCanReadUnitUsers(ctx, actor, req.query.unitId);
    const { items } = await listUsers(actor, { ...req.query, page: 1, pageSize: 100000 });
    const rows = items.map((u) => accounts.presentUser(u)).map((u) => [
      u.username, u.displayName, u.unitName, u.roles.map((r) => ROLE_LABELS[r]).join('、'),
      u.disabled ? '停用' : u.locked ? '锁定' : '正常', beijingDateTime(u.lastLoginAt), beijingDateTime(u.createdAt),
    ]);
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', csvDisposition('用户列表'));
    return toCsv(['用户名', '姓名', '单位', '角色', '状态', '最近登录', '创建时间'], rows);
  });

  app.get('/api/v1/users/:id', {
    schema: { tags: ['登录与账号'], summary: '用户详情', params: IdParams, response: { 200: UserDto, ...authErrors } },
  }, async (req) => accounts.getUser(ctx, requireActor(req), req.params.id));

  app.post('/api/v1/users', {
    schema: {
      tags: ['登录与账号'], summary: '新建用户', description: '新用户首次登录须修改初始密码。只能授予不高于本人的角色。',
      body: NewUserBody, response: { 201: UserDto, ...authErrors },
    },
  }, async (req, reply) => reply.code(201).send(await accounts.createUser(ctx, requireActor(req), req.body, info(req))));

  app.patch('/api/v1/users/:id', {
    schema: { tags: ['登录与账号'], summary: '修改用户（姓名、单位、角色、停用）', params: IdParams, body: UserPatchBody, response: { 200: UserDto, ...authErrors } },
  }, async (req) => accounts.updateUser(ctx, requireActor(req), req.params.id, req.body, info(req)));

  app.post('/api/v1/users/:id/password', {
    schema: { tags: ['登录与账号'], summary: '重置用户密码', params: IdParams, body: z.object({ newPassword: Password }), response: { 204: z.null(), ...authErrors } },
  }, async (req, reply) => {
    await accounts.resetPassword(ctx, requireActor(req), req.params.id, req.body.newPassword, info(req));
    return reply.code(204).send(null);
  });

  app.post('/api/v1/users/:id/unlock', {
    schema: { tags: ['登录与账号'], summary: '解除锁定', params: IdParams, response: { 200: UserDto, ...authErrors } },
  }, async (req) => accounts.unlockUser(ctx, requireActor(req), req.params.id, info(req)));
}
