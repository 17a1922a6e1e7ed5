import type { Kysely, Selectable, Updateable } from 'kysely';
import { nowIso } from '../../platform/db/database.js';
import type { Database } from '../../schema.js';
import type { Role, ScopeEntry } from './policy.js';
import type { UserTable } from './schema.js';
import { scopeCondition } from './scope-sql.js';

export type UserRow = Selectable<UserTable>;

export interface UserListQuery {
  scope: ScopeEntry[];
  unitId?: number | undefined;
  /** Include the units below unitId. */
  includeSubunits?: boolean | undefined;
  q?: string | undefined;
  role?: Role | undefined;
  status?: 'active' | 'disabled' | 'locked' | undefined;
  sort?: 'username' | 'displayName' | 'unit' | 'lastLogin' | 'createdAt' | undefined;
  order?: 'asc' | 'desc' | undefined;
  page: number;
  pageSize: number;
}

const SORT_COLUMNS = {
  username: 'app_user.username',
  displayName: 'app_user.display_name',
  unit: 'unit.path',
  lastLogin: 'app_user.last_login_at',
  createdAt: 'app_user.created_at',
} as const;

/** Storage of staff accounts; no rules here. */
export function userRepository(db: Kysely<Database>) {
  const withUnit = () =>
    db
      .selectFrom('app_user')
      .innerJoin('unit', 'unit.id', 'app_user.unit_id')
      .selectAll('app_user')
      .select(['unit.name as unit_name', 'unit.path as unit_path', 'unit.kind as unit_kind']);

  return {
    findById: (id: number) => withUnit().where('app_user.id', '=', id).executeTakeFirst(),
    findByUsername: (username: string) => withUnit().where('app_user.username', '=', username.toLowerCase()).executeTakeFirst(),

    async list(query: UserListQuery) {
      let q = db
        .selectFrom('app_user')
        .innerJoin('unit', 'unit.id', 'app_user.unit_id')
        .where((eb) => scopeCondition(eb, 'unit.path', query.scope));
      if (query.unitId !== undefined) {
        const unitId = query.unitId;
        if (query.includeSubunits) {
          const root = await db.selectFrom('unit').select('path').where('id', '=', unitId).executeTakeFirst();
          q = q.where('unit.path', 'like', `${root?.path ?? '/-/'}%`);
        } else {
          q = q.where('app_user.unit_id', '=', unitId);
        }
      }
      if (query.q) {
        const like = `%${query.q.replace(/[%_\\]/g, '')}%`;
        q = q.where((eb) => eb.or([eb('app_user.username', 'like', like), eb('app_user.display_name', 'like', like)]));
      }
      if (query.role) q = q.where('app_user.roles', 'like', `%"${query.role}"%`);
      const now = nowIso();
      if (query.status === 'disabled') q = q.where('app_user.disabled', '=', 1);
      if (query.status === 'active') q = q.where('app_user.disabled', '=', 0).where((eb) => eb.or([eb('app_user.locked_until', 'is', null), eb('app_user.locked_until', '<=', now)]));
      if (query.status === 'locked') q = q.where('app_user.locked_until', '>', now);
      const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const items = await q
        .selectAll('app_user')
        .select(['unit.name as unit_name', 'unit.path as unit_path', 'unit.kind as unit_kind'])
        .orderBy(SORT_COLUMNS[query.sort ?? 'unit'], query.order ?? 'asc')
        .orderBy('app_user.id')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute();
      return { total, items };
    },

    insert: (user: Omit<UserRow, 'id' | 'created_at' | 'updated_at'>) => {
      const now = nowIso();
      return db.insertInto('app_user').values({ ...user, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    },

    update: (id: number, changes: Updateable<UserTable>) => db.updateTable('app_user').set({ ...changes, updated_at: nowIso() }).where('id', '=', id).execute(),

    /** Login bookkeeping does not touch updated_at: it is not an edit of the account. */
    setLoginState: (id: number, changes: Pick<Updateable<UserTable>, 'failed_logins' | 'locked_until' | 'last_login_at'>) =>
      db.updateTable('app_user').set(changes).where('id', '=', id).execute(),

    /** Enabled accounts that gave a work e-mail (recipients of reminders). */
    withEmail: () => withUnit().where('app_user.email', 'is not', null).where('app_user.disabled', '=', 0).orderBy('app_user.id').execute(),

    count: async () => (await db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  };
}
