import type { Generated, Kysely, Migration } from 'kysely';
import { idColumnType } from '../../platform/db/database.js';
import type { FormatVersion } from './format.js';

/**
 * 政府信息公开工作年度报告: one per unit and year. Sections 一、五、六 are text; Tables 2–4 are computed
 * live from the records over `scope` (the units it covers) until published, when they are frozen in
 * `snapshot`. Reports of years before Gongkai (or in the 2019 layout) are typed in: `entered`.
 */
export interface AnnualReportTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  format: FormatVersion;
  /** JSON array of unit ids whose records the report counts. */
  scope: string;
  section1: string;
  section5: string;
  section6: string;
  /** JSON {table2, table3, table4} typed in by staff, or null to compute. */
  entered: string | null;
  /** JSON {table2, table3, table4, previousR25} frozen at publication. */
  snapshot: string | null;
  status: 'draft' | 'submitted' | 'published';
  author_id: number;
  submitted_by: string | null;
  published_by: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Figures of Table 2 that come from other systems (许可、处罚、强制 decisions; 收费 in 万元), per unit and year. */
export interface AnnualFigureTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  licensing: number;
  penalty: number;
  enforcement: number;
  fees: number;
  updated_by: string;
  updated_at: string;
}

export interface AnnualReportTables {
  annual_report: AnnualReportTable;
  annual_figure: AnnualFigureTable;
}

export const annualReportMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('annual_report')
      .addColumn('id', idColumnType(db))
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('section1', 'text', (c) => c.notNull())
      .addColumn('section5', 'text', (c) => c.notNull())
      .addColumn('section6', 'text', (c) => c.notNull())
      .addColumn('entered', 'text')
      .addColumn('snapshot', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('author_id', 'integer', (c) => c.notNull())
      .addColumn('submitted_by', 'text')
      .addColumn('published_by', 'text')
      .addColumn('published_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('annual_report_unit_year', ['unit_id', 'year'])
      .execute();
    await db.schema.createTable('annual_figure')
      .addColumn('id', idColumnType(db))
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('licensing', 'integer', (c) => c.notNull())
      .addColumn('penalty', 'integer', (c) => c.notNull())
      .addColumn('enforcement', 'integer', (c) => c.notNull())
      .addColumn('fees', 'double precision', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('annual_figure_unit_year', ['unit_id', 'year'])
      .execute();
  },
};
