import type { Kysely, Selectable, Updateable } from 'kysely';
import { nowIso } from '../../platform/db/database.js';
import type { Database } from '../../schema.js';
import { childPath } from './rules.js';
import type { UnitTable } from './schema.js';

export type UnitRow = Selectable<UnitTable>;
export type NewUnit = Omit<UnitRow, 'id' | 'path' | 'created_at' | 'updated_at'>;

/** Storage of the unit tree; no rules here. */
export function unitRepository(db: Kysely<Database>) {
  return {
    findById: (id: number) => db.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst(),

    findByDivisionCode: (code: string) => db.selectFrom('unit').selectAll().where('division_code', '=', code).executeTakeFirst(),

    /** Every unit, parents before children, siblings by sort order then id. */
    listAll: () => db.selectFrom('unit').selectAll().orderBy('sort_order').orderBy('id').execute(),

    listChildren: (parentId: number | null) =>
      db
        .selectFrom('unit')
        .selectAll()
        .where('parent_id', parentId === null ? 'is' : '=', parentId)
        .orderBy('sort_order')
        .orderBy('id')
        .execute(),

    countChildren: async (id: number) =>
      (await db.selectFrom('unit').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow()).n,

    countUsers: async (id: number) =>
      (await db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_id', '=', id).executeTakeFirstOrThrow()).n,

    /** Inserts and sets the materialised path, which needs the new id. */
    async insert(unit: NewUnit, parentPath: string | null): Promise<UnitRow> {
      const now = nowIso();
      const { id } = await db
        .insertInto('unit')
        .values({ ...unit, path: '/', created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return db
        .updateTable('unit')
        .set({ path: childPath(parentPath, id) })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    update: (id: number, changes: Updateable<UnitTable>) =>
      db.updateTable('unit').set({ ...changes, updated_at: nowIso() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),

    remove: (id: number) => db.deleteFrom('unit').where('id', '=', id).execute(),
  };
}
