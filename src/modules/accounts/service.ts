import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { dummyPasswordHash, hashPassword, passwordProblems, verifyPassword } from '../../platform/auth/passwords.js';
import { nowIso } from '../../platform/db/database.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.js';
import type { Database } from '../../schema.js';
import { governmentPathOf } from '../units/rules.js';
import { unitRepository } from '../units/repository.js';
import type { UserDto } from './dto.js';
import { assignableRoles, can, ROLES, type Actor, type Role } from './policy.js';
import { userRepository, type UserRow } from './repository.js';
import { afterFailedLogin, beijingTime, isLocked, USERNAME_PATTERN } from './rules.js';

type UserWithUnit = UserRow & { unit_name: string; unit_path: string; unit_kind: 'government' | 'department' };

export const parseRoles = (json: string): Role[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((r): r is Role => (ROLES as readonly string[]).includes(r)) : [];
};

export function toActor(user: UserWithUnit): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    unitId: user.unit_id,
    unitPath: user.unit_path,
    governmentPath: governmentPathOf({ kind: user.unit_kind, path: user.unit_path }),
    roles: parseRoles(user.roles),
  };
}

/** The account as shown to staff: never the password hash. */
export function presentUser(user: UserWithUnit, now = new Date()): UserDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    email: user.email,
    unitId: user.unit_id,
    unitName: user.unit_name,
    roles: parseRoles(user.roles),
    disabled: user.disabled === 1,
    locked: isLocked({ failedLogins: user.failed_logins, lockedUntil: user.locked_until }, now),
    lockedUntil: user.locked_until,
    mustChangePassword: user.must_change_password === 1,
    lastLoginAt: user.last_login_at,
    createdAt: user.created_at,
    updatedAt: user.updated_at,
  };
}

/** The snapshot kept in the audit log for a user change. */
const auditSnapshot = (u: UserWithUnit | undefined) =>
  u && { username: u.username, displayName: u.display_name, email: u.email, unitId: u.unit_id, roles: parseRoles(u.roles), disabled: u.disabled === 1 };

export interface RequestInfo {
  ip: string | null;
}

export const auditBy = (actor: Actor | null, actorName?: string) => ({
  actorId: actor?.userId ?? null,
  actorName: actor ? `${actor.displayName}（${actor.username}）` : (actorName ?? '匿名'),
  unitId: actor?.unitId ?? null,
});

function assertPasswordOk(password: string, username: string) {
  const problems = passwordProblems(password, username);
  if (problems.length) throw badRequest('weak_password', `密码不符合安全要求：${problems.join('；')}`);
}

/** 登录: checks lockout and password, records every outcome in the audit log. */
export async function login(ctx: AppContext, username: string, password: string, req: RequestInfo) {
  const users = userRepository(ctx.db);
  const user = await users.findByUsername(username);
  const now = new Date();
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), password);
    await appendAudit(ctx.db, { ...auditBy(null, username.slice(0, 64)), action: 'auth.login_failed', entityType: 'user', entityId: null, after: { reason: 'unknown_user' }, ip: req.ip });
    throw new AppError(401, 'invalid_credentials', '用户名或密码错误');
  }
  const state = { failedLogins: user.failed_logins, lockedUntil: user.locked_until };
  if (isLocked(state, now)) {
    throw new AppError(423, 'account_locked', `账号因多次密码错误已锁定，请于 ${beijingTime(user.locked_until!)} 后再试`);
  }
  if (user.disabled) throw new AppError(403, 'account_disabled', '账号已停用，请联系管理员');
  if (!(await verifyPassword(user.password_hash, password))) {
    const next = afterFailedLogin(state, now);
    await ctx.db.transaction().execute(async (trx) => {
      await userRepository(trx).setLoginState(user.id, { failed_logins: next.failedLogins, locked_until: next.lockedUntil });
      await appendAudit(trx, {
        ...auditBy(null, user.username), unitId: user.unit_id,
        action: next.justLocked ? 'auth.locked' : 'auth.login_failed', entityType: 'user', entityId: user.id,
        after: { reason: 'wrong_password', lockedUntil: next.lockedUntil }, ip: req.ip,
      });
    });
    if (next.justLocked) throw new AppError(423, 'account_locked', `密码连续错误 5 次，账号已锁定 15 分钟，请于 ${beijingTime(next.lockedUntil!)} 后再试`);
    throw new AppError(401, 'invalid_credentials', `用户名或密码错误，再错 ${next.remaining} 次账号将被锁定 15 分钟`);
  }
  const actor = toActor(user);
  const token = await ctx.db.transaction().execute(async (trx) => {
    await userRepository(trx).setLoginState(user.id, { failed_logins: 0, locked_until: null, last_login_at: now.toISOString() });
    await appendAudit(trx, { ...auditBy(actor), action: 'auth.login', entityType: 'user', entityId: user.id, ip: req.ip });
    return ctx.sessions.create(user.id, req.ip, trx);
  });
  return { token, user: presentUser({ ...user, last_login_at: now.toISOString() }) };
}

export async function logout(ctx: AppContext, actor: Actor | null, token: string, req: RequestInfo) {
  await ctx.sessions.destroy(token);
  if (actor) await appendAudit(ctx.db, { ...auditBy(actor), action: 'auth.logout', entityType: 'user', entityId: actor.userId, ip: req.ip });
}

/** 修改密码: the current password is required; other sessions of the user end. */
export async function changeOwnPassword(ctx: AppContext, actor: Actor, current: string, next: string, token: string, req: RequestInfo) {
  const users = userRepository(ctx.db);
  const user = await users.findById(actor.userId);
  if (!user) throw notFound('用户');
  if (!(await verifyPassword(user.password_hash, current))) throw badRequest('wrong_current_password', '当前密码不正确');
  assertPasswordOk(next, user.username);
  if (await verifyPassword(user.password_hash, next)) throw badRequest('password_reused', '新密码不能与当前密码相同');
  const hash = await hashPassword(next);
  await ctx.db.transaction().execute(async (trx) => {
    await userRepository(trx).update(user.id, { password_hash: hash, must_change_password: 0, password_changed_at: nowIso() });
    await appendAudit(trx, { ...auditBy(actor), action: 'user.password_changed', entityType: 'user', entityId: user.id, ip: req.ip });
  });
  await ctx.sessions.destroyAllFor(user.id, token);
}

async function loadManageable(db: Kysely<Database>, actor: Actor, id: number, action: 'user.read' | 'user.manage') {
  const user = await userRepository(db).findById(id);
  if (!user) throw notFound('用户');
  if (!can(actor, action, user.unit_path)) throw forbidden('您无权查看或管理其他单位的用户');
  return user;
}

export async function getSelf(ctx: AppContext, actor: Actor) {
  const user = await userRepository(ctx.db).findById(actor.userId);
  if (!user) throw notFound('用户');
  return presentUser(user);
}

/** 403 when the actor may not list the users of that unit (rather than an empty list that hides the refusal). */
export async function assertCanReadUnitUsers(ctx: AppContext, actor: Actor, unitId: number) {
  const unit = await unitRepository(ctx.db).findById(unitId);
  if (!unit) throw notFound('单位');
  if (!can(actor, 'user.read', unit.path)) throw forbidden('您无权查看其他单位的用户');
}

export const getUser = async (ctx: AppContext, actor: Actor, id: number) => presentUser(await loadManageable(ctx.db, actor, id, 'user.read'));

async function assertUnitAssignable(db: Kysely<Database>, actor: Actor, unitId: number) {
  const unit = await unitRepository(db).findById(unitId);
  if (!unit) throw badRequest('unit_not_found', '所选单位不存在');
  if (!can(actor, 'user.manage', unit.path)) throw forbidden('您无权在该单位下管理用户');
  return unit;
}

function assertRolesAssignable(actor: Actor, roles: Role[]) {
  const allowed = assignableRoles(actor);
  const denied = roles.filter((r) => !allowed.includes(r));
  if (denied.length) throw forbidden(`您无权授予角色：${denied.join('、')}`);
}

export interface NewUserInput {
  username: string;
  displayName: string;
  email?: string | null | undefined;
  unitId: number;
  roles: Role[];
  password: string;
}

export async function createUser(ctx: AppContext, actor: Actor, input: NewUserInput, req: RequestInfo) {
  const username = input.username.toLowerCase();
  if (!USERNAME_PATTERN.test(username)) throw badRequest('invalid_username', '用户名须以字母开头，由 3–32 位小写字母、数字、点、下划线或连字符组成');
  await assertUnitAssignable(ctx.db, actor, input.unitId);
  assertRolesAssignable(actor, input.roles);
  assertPasswordOk(input.password, username);
  if (await userRepository(ctx.db).findByUsername(username)) throw conflict('username_taken', '用户名已被使用');
  const id = await storeNewUser(ctx.db, { ...input, username, mustChangePassword: true }, auditBy(actor), req.ip);
  return presentUser((await userRepository(ctx.db).findById(id))!);
}

/** Inserts an account and its audit entry in one transaction; callers have checked everything. */
async function storeNewUser(db: Kysely<Database>, input: NewUserInput & { mustChangePassword: boolean }, by: ReturnType<typeof auditBy>, ip: string | null) {
  const hash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const repo = userRepository(trx);
    const { id } = await repo.insert({
      username: input.username, display_name: input.displayName, email: input.email ?? null, unit_id: input.unitId, roles: JSON.stringify(input.roles), password_hash: hash,
      failed_logins: 0, locked_until: null, disabled: 0, must_change_password: input.mustChangePassword ? 1 : 0, password_changed_at: nowIso(), last_login_at: null,
    });
    await appendAudit(trx, { ...by, unitId: input.unitId, action: 'user.create', entityType: 'user', entityId: id, after: auditSnapshot(await repo.findById(id)), ip });
    return id;
  });
}

export interface UserChanges {
  displayName?: string | undefined;
  email?: string | null | undefined;
  unitId?: number | undefined;
  roles?: Role[] | undefined;
  disabled?: boolean | undefined;
}

export async function updateUser(ctx: AppContext, actor: Actor, id: number, changes: UserChanges, req: RequestInfo) {
  const before = await loadManageable(ctx.db, actor, id, 'user.manage');
  if (changes.unitId !== undefined && changes.unitId !== before.unit_id) await assertUnitAssignable(ctx.db, actor, changes.unitId);
  if (changes.roles) assertRolesAssignable(actor, changes.roles);
  if (id === actor.userId && (changes.disabled || (changes.roles && actor.roles.some((r) => !changes.roles!.includes(r))))) {
    throw badRequest('cannot_demote_self', '不能停用自己的账号或撤销自己的角色');
  }
  await ctx.db.transaction().execute(async (trx) => {
    const repo = userRepository(trx);
    await repo.update(id, {
      ...(changes.displayName !== undefined && { display_name: changes.displayName }),
      ...(changes.email !== undefined && { email: changes.email }),
      ...(changes.unitId !== undefined && { unit_id: changes.unitId }),
      ...(changes.roles !== undefined && { roles: JSON.stringify(changes.roles) }),
      ...(changes.disabled !== undefined && { disabled: changes.disabled ? 1 : 0 }),
    });
    const after = (await repo.findById(id))!;
    await appendAudit(trx, { ...auditBy(actor), unitId: after.unit_id, action: 'user.update', entityType: 'user', entityId: id, before: auditSnapshot(before), after: auditSnapshot(after), ip: req.ip });
  });
  if (changes.disabled) await ctx.sessions.destroyAllFor(id);
  return presentUser((await userRepository(ctx.db).findById(id))!);
}

/** 重置密码 by an administrator: the user must change it at next login; their sessions end. */
export async function resetPassword(ctx: AppContext, actor: Actor, id: number, password: string, req: RequestInfo) {
  const user = await loadManageable(ctx.db, actor, id, 'user.manage');
  assertPasswordOk(password, user.username);
  const hash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    await userRepository(trx).update(id, { password_hash: hash, must_change_password: 1, password_changed_at: nowIso(), failed_logins: 0, locked_until: null });
    await appendAudit(trx, { ...auditBy(actor), unitId: user.unit_id, action: 'user.password_reset', entityType: 'user', entityId: id, ip: req.ip });
  });
  await ctx.sessions.destroyAllFor(id);
}

export async function unlockUser(ctx: AppContext, actor: Actor, id: number, req: RequestInfo) {
  const user = await loadManageable(ctx.db, actor, id, 'user.manage');
  await ctx.db.transaction().execute(async (trx) => {
    await userRepository(trx).update(id, { failed_logins: 0, locked_until: null });
    await appendAudit(trx, { ...auditBy(actor), unitId: user.unit_id, action: 'user.unlock', entityType: 'user', entityId: id, before: { lockedUntil: user.locked_until }, after: { lockedUntil: null }, ip: req.ip });
  });
  return presentUser((await userRepository(ctx.db).findById(id))!);
}

/** For the first administrator (command line) and demo data: no actor, recorded as 系统. */
export async function createUserUnchecked(db: Kysely<Database>, input: NewUserInput & { mustChangePassword?: boolean }) {
  const username = input.username.toLowerCase();
  if (!USERNAME_PATTERN.test(username)) throw new Error('用户名须以字母开头，由 3–32 位小写字母、数字、点、下划线或连字符组成');
  const problems = passwordProblems(input.password, username);
  if (problems.length) throw new Error(`密码不符合安全要求：${problems.join('；')}`);
  if (await userRepository(db).findByUsername(username)) throw new Error(`用户名 ${username} 已存在`);
  return storeNewUser(db, { ...input, username, mustChangePassword: input.mustChangePassword ?? false }, { actorId: null, actorName: '系统', unitId: null }, null);
}
