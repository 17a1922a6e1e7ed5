/**
 * The one place that decides permissions ("谁主办、谁负责"). Every route asks `can()` for a single
 * unit, or `scopeOf()` to filter a list; nothing else compares roles.
 */
export const ROLES = ['sysadmin', 'disclosure_office', 'unit_admin', 'editor', 'reviewer', 'request_handler', 'leader'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  sysadmin: '系统管理员',
  disclosure_office: '政务公开办',
  unit_admin: '单位管理员',
  editor: '信息编辑',
  reviewer: '信息审核',
  request_handler: '依申请公开承办',
  leader: '领导（只读）',
};

export const ACTIONS = [
  'unit.read', 'unit.create', 'unit.update', 'unit.delete', 'user.read', 'user.manage', 'audit.read',
  'document.read', 'document.edit', 'document.review', 'document.publish', 'wordlist.manage',
  'catalogue.edit', 'catalogue.publish', 'calendar.manage',
  'request.read', 'request.handle', 'request.extend', 'reply_template.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  unitId: number;
  /** Materialised path of the user's unit, e.g. `/1/12/`. */
  unitPath: string;
  /** Path of the government the user's unit belongs to (the unit itself when it is a government). */
  governmentPath: string;
  roles: Role[];
}

/** Where a role may act: everything, a subtree (path prefix), or exactly one unit. */
export type ScopeEntry = { all: true } | { subtree: string } | { unit: string };

type Reach = 'all' | 'government' | 'subtree' | 'unit';

/** Role → action → reach. Absent means not allowed. */
const GRANTS: Record<Role, Partial<Record<Action, Reach>>> = {
  sysadmin: {
    'unit.read': 'all', 'unit.create': 'all', 'unit.update': 'all', 'unit.delete': 'all', 'user.read': 'all', 'user.manage': 'all', 'audit.read': 'all',
    'document.read': 'all', 'wordlist.manage': 'all', 'catalogue.edit': 'all', 'catalogue.publish': 'all', 'calendar.manage': 'all', 'reply_template.manage': 'all',
  },
  disclosure_office: {
    'unit.read': 'government', 'unit.create': 'government', 'unit.update': 'government', 'unit.delete': 'government',
    'user.read': 'government', 'user.manage': 'government', 'audit.read': 'government',
    'document.read': 'government', 'document.edit': 'government', 'document.review': 'government', 'document.publish': 'government',
    'wordlist.manage': 'government', 'catalogue.edit': 'government', 'catalogue.publish': 'government',
    'request.read': 'government', 'request.handle': 'government', 'request.extend': 'government', 'reply_template.manage': 'government',
  },
  unit_admin: {
    'unit.read': 'unit', 'unit.update': 'unit', 'user.read': 'unit', 'user.manage': 'unit', 'audit.read': 'unit', 'document.read': 'unit',
    'catalogue.edit': 'unit', 'catalogue.publish': 'unit',
  },
  editor: { 'unit.read': 'unit', 'document.read': 'unit', 'document.edit': 'unit', 'catalogue.edit': 'unit' },
  reviewer: { 'unit.read': 'unit', 'document.read': 'unit', 'document.review': 'unit', 'document.publish': 'unit' },
  request_handler: { 'unit.read': 'unit', 'document.read': 'unit', 'request.read': 'unit', 'request.handle': 'unit' },
  leader: { 'unit.read': 'subtree', 'user.read': 'subtree', 'audit.read': 'subtree', 'document.read': 'subtree', 'request.read': 'subtree' },
};

function entryFor(actor: Actor, reach: Reach): ScopeEntry {
  switch (reach) {
    case 'all':
      return { all: true };
    case 'government':
      return { subtree: actor.governmentPath };
    case 'subtree':
      return { subtree: actor.unitPath };
    case 'unit':
      return { unit: actor.unitPath };
  }
}

/** Every place where the actor may perform the action (empty: nowhere). */
export function scopeOf(actor: Actor, action: Action): ScopeEntry[] {
  const entries: ScopeEntry[] = [];
  for (const role of actor.roles) {
    const reach = GRANTS[role]?.[action];
    if (reach) entries.push(entryFor(actor, reach));
  }
  return entries;
}

export function inScope(scope: ScopeEntry[], unitPath: string): boolean {
  return scope.some((e) => ('all' in e ? true : 'subtree' in e ? unitPath.startsWith(e.subtree) : unitPath === e.unit));
}

/** May the actor perform the action on something that belongs to the unit at `unitPath`? */
export function can(actor: Actor | null | undefined, action: Action, unitPath: string): boolean {
  return !!actor && inScope(scopeOf(actor, action), unitPath);
}

/** Whether the actor may do the action anywhere at all (for menus). */
export const canAnywhere = (actor: Actor, action: Action) => scopeOf(actor, action).length > 0;

/** Roles an actor may hand out; nobody can grant more than they hold. */
export function assignableRoles(actor: Actor): Role[] {
  if (actor.roles.includes('sysadmin')) return [...ROLES];
  if (actor.roles.includes('disclosure_office')) return ROLES.filter((r) => r !== 'sysadmin');
  if (actor.roles.includes('unit_admin')) return ['unit_admin', 'editor', 'reviewer', 'request_handler', 'leader'];
  return [];
}
