import type { Generated, Kysely, Migration } from 'kysely';
import { idColumnType } from '../../platform/db/database.js';
import { DOMAINS, type Audience, type CatalogueStatus, type Method, type TimeLimitKind } from './enums.js';

/** 领域: the 26 pilot domains and any the city adds. */
export interface CatalogueDomainTable {
  id: Generated<number>;
  name: string;
  sort_order: number;
}

/** One version of a unit's 政务公开事项标准目录; earlier versions stay readable. */
export interface CatalogueTable {
  id: Generated<number>;
  unit_id: number;
  version: number;
  status: CatalogueStatus;
  note: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CatalogueItemTable {
  id: Generated<number>;
  catalogue_id: number;
  /** Stable across versions, so that documents stay linked when the catalogue is revised. */
  item_key: string;
  seq: number;
  domain_id: number | null;
  level1: string;
  level2: string;
  content: string;
  basis: string;
  time_limit: string;
  rule_kind: TimeLimitKind | null;
  rule_amount: number | null;
  subject: string;
  /** JSON array of channel names. */
  channels: string;
  audience: Audience;
  method: Method;
  /** JSON array of CatalogueLevel. */
  levels: string;
  created_at: string;
}

/** Which catalogue items a document fulfils (by stable item key). */
export interface DocumentCatalogueItemTable {
  document_id: number;
  item_key: string;
}

export interface CatalogueTables {
  catalogue_domain: CatalogueDomainTable;
  catalogue: CatalogueTable;
  catalogue_item: CatalogueItemTable;
  document_catalogue_item: DocumentCatalogueItemTable;
}

export const cataloguesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('catalogue_domain')
      .addColumn('id', idColumnType(db))
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .execute();
    await db.insertInto('catalogue_domain').values(DOMAINS.map((name, i) => ({ name, sort_order: i + 1 }))).execute();
    await db.schema.createTable('catalogue')
      .addColumn('id', idColumnType(db))
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('published_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('catalogue_unit_version_uq', ['unit_id', 'version'])
      .execute();
    await db.schema.createTable('catalogue_item')
      .addColumn('id', idColumnType(db))
      .addColumn('catalogue_id', 'integer', (c) => c.notNull().references('catalogue.id'))
      .addColumn('item_key', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('domain_id', 'integer', (c) => c.references('catalogue_domain.id'))
      .addColumn('level1', 'text', (c) => c.notNull())
      .addColumn('level2', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('time_limit', 'text', (c) => c.notNull())
      .addColumn('rule_kind', 'text')
      .addColumn('rule_amount', 'integer')
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('channels', 'text', (c) => c.notNull())
      .addColumn('audience', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('levels', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('catalogue_item_catalogue_idx').on('catalogue_item').columns(['catalogue_id', 'seq']).execute();
    await db.schema.createIndex('catalogue_item_key_idx').on('catalogue_item').column('item_key').execute();
    await db.schema.createTable('document_catalogue_item')
      .addColumn('document_id', 'integer', (c) => c.notNull().references('document.id'))
      .addColumn('item_key', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('document_catalogue_item_pk', ['document_id', 'item_key'])
      .execute();
    await db.schema.createIndex('document_catalogue_item_key_idx').on('document_catalogue_item').column('item_key').execute();
  },
};
