import type { Generated, Kysely, Migration } from 'kysely';
import { idColumnType } from '../../platform/db/database.js';
import type { UnitKind, UnitLevel } from './unit-enums.js';

export { UNIT_KINDS, UNIT_LEVELS, type UnitKind, type UnitLevel } from './unit-enums.js';


export interface UnitTable {
  id: Generated<number>;
  parent_id: number | null;
  /** Materialised path of ids, e.g. `/1/12/40/`; a subtree is every path starting with its root's. */
  path: string;
  name: string;
  short_name: string | null;
  kind: UnitKind;
  level: UnitLevel;
  /** 行政区划代码 (6 digits for city/county, 9 for township, 12 for village), governments only. */
  division_code: string | null;
  /** 统一社会信用代码, used later in 索引号. */
  credit_code: string | null;
  sort_order: number;
  /** 政府信息公开工作机构 contact, as the 政府信息公开指南 requires. */
  office_name: string | null;
  office_address: string | null;
  office_hours: string | null;
  office_phone: string | null;
  office_fax: string | null;
  office_email: string | null;
  office_postcode: string | null;
  created_at: string;
  updated_at: string;
}

export interface UnitTables {
  unit: UnitTable;
}

export const unitsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('unit')
      .addColumn('id', idColumnType(db))
      .addColumn('parent_id', 'integer', (c) => c.references('unit.id'))
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('short_name', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('division_code', 'text')
      .addColumn('credit_code', 'text')
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('office_name', 'text')
      .addColumn('office_address', 'text')
      .addColumn('office_hours', 'text')
      .addColumn('office_phone', 'text')
      .addColumn('office_fax', 'text')
      .addColumn('office_email', 'text')
      .addColumn('office_postcode', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('unit_parent_idx').on('unit').column('parent_id').execute();
    await db.schema.createIndex('unit_path_idx').on('unit').column('path').execute();
    await db.schema.createIndex('unit_division_code_uq').on('unit').column('division_code').unique().execute();
  },
};
