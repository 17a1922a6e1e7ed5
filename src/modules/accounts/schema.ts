import type { Generated, Kysely, Migration } from 'kysely';
import { idColumnType } from '../../platform/db/database.js';

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  /** Work e-mail for reminders (optional). */
  email: string | null;
  unit_id: number;
  /** JSON array of Role. */
  roles: string;
  password_hash: string;
  failed_logins: number;
  locked_until: string | null;
  disabled: number;
  must_change_password: number;
  password_changed_at: string;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AccountTables {
  app_user: UserTable;
}

export const accountsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('app_user')
      .addColumn('id', idColumnType(db))
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
      .addColumn('roles', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('password_changed_at', 'text', (c) => c.notNull())
      .addColumn('last_login_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('app_user_unit_idx').on('app_user').column('unit_id').execute();
  },
};

/** Staff e-mail addresses, for deadline reminders. */
export const accountEmailMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('app_user').addColumn('email', 'text').execute();
  },
};
