import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { nowIso } from '../../platform/db/database.js';
import type { Database } from '../../schema.js';
import type { CatalogueStatus } from './enums.js';
import type { CatalogueItemTable } from './schema.js';

export type CatalogueItemRow = Selectable<CatalogueItemTable> & { domain_name: string | null };
export type NewCatalogueItem = Omit<Insertable<CatalogueItemTable>, 'id' | 'created_at'>;

/** Storage of catalogues, their items and document links; no rules here. */
export function catalogueRepository(db: Kysely<Database>) {
  const withUnit = () => db.selectFrom('catalogue').innerJoin('unit', 'unit.id', 'catalogue.unit_id').selectAll('catalogue').select(['unit.name as unit_name', 'unit.path as unit_path']);
  return {
    domains: () => db.selectFrom('catalogue_domain').selectAll().orderBy('sort_order').execute(),
    findById: (id: number) => withUnit().where('catalogue.id', '=', id).executeTakeFirst(),
    versions: (unitId: number) =>
      withUnit()
        .select((eb) => eb.selectFrom('catalogue_item').select((e) => e.fn.countAll<number>().as('n')).whereRef('catalogue_item.catalogue_id', '=', 'catalogue.id').as('item_count'))
        .where('catalogue.unit_id', '=', unitId)
        .orderBy('catalogue.version', 'desc')
        .execute(),
    findByStatus: (unitId: number, status: CatalogueStatus) => withUnit().where('catalogue.unit_id', '=', unitId).where('catalogue.status', '=', status).orderBy('catalogue.version', 'desc').executeTakeFirst(),
    maxVersion: async (unitId: number) => (await db.selectFrom('catalogue').select((eb) => eb.fn.max('version').as('v')).where('unit_id', '=', unitId).executeTakeFirst())?.v ?? 0,
    insertCatalogue: (unitId: number, version: number, note: string | null) => {
      const now = nowIso();
      return db.insertInto('catalogue').values({ unit_id: unitId, version, status: 'draft', note, published_at: null, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    },
    setStatus: (id: number, status: CatalogueStatus, publishedAt?: string) =>
      db.updateTable('catalogue').set({ status, updated_at: nowIso(), ...(publishedAt ? { published_at: publishedAt } : {}) }).where('id', '=', id).execute(),

    items: (catalogueId: number) =>
      db.selectFrom('catalogue_item').leftJoin('catalogue_domain', 'catalogue_domain.id', 'catalogue_item.domain_id')
        .selectAll('catalogue_item').select('catalogue_domain.name as domain_name')
        .where('catalogue_item.catalogue_id', '=', catalogueId).orderBy('catalogue_item.seq').orderBy('catalogue_item.id').execute(),
    findItem: (id: number) => db.selectFrom('catalogue_item').selectAll().where('id', '=', id).executeTakeFirst(),
    insertItems: async (items: NewCatalogueItem[]) => {
      const now = nowIso();
      for (let i = 0; i < items.length; i += 200) await db.insertInto('catalogue_item').values(items.slice(i, i + 200).map((it) => ({ ...it, created_at: now }))).execute();
    },
    updateItem: (id: number, changes: Updateable<CatalogueItemTable>) => db.updateTable('catalogue_item').set(changes).where('id', '=', id).execute(),
    deleteItem: (id: number) => db.deleteFrom('catalogue_item').where('id', '=', id).execute(),
    deleteItems: (catalogueId: number) => db.deleteFrom('catalogue_item').where('catalogue_id', '=', catalogueId).execute(),
    maxSeq: async (catalogueId: number) => (await db.selectFrom('catalogue_item').select((eb) => eb.fn.max('seq').as('s')).where('catalogue_id', '=', catalogueId).executeTakeFirst())?.s ?? 0,

    /** Item keys used by any version of a unit's catalogues. */
    unitItemKeys: async (unitId: number) =>
      new Set((await db.selectFrom('catalogue_item').innerJoin('catalogue', 'catalogue.id', 'catalogue_item.catalogue_id').select('catalogue_item.item_key').where('catalogue.unit_id', '=', unitId).execute()).map((r) => r.item_key)),
    setDocumentLinks: async (documentId: number, keys: string[]) => {
      await db.deleteFrom('document_catalogue_item').where('document_id', '=', documentId).execute();
      if (keys.length) await db.insertInto('document_catalogue_item').values(keys.map((item_key) => ({ document_id: documentId, item_key }))).execute();
    },
    documentLinks: async (documentId: number) => (await db.selectFrom('document_catalogue_item').select('item_key').where('document_id', '=', documentId).execute()).map((r) => r.item_key),
    /** Documents (any status but withdrawn) linked to these item keys. */
    linkedDocuments: (keys: string[]) =>
      keys.length
        ? db.selectFrom('document_catalogue_item').innerJoin('document', 'document.id', 'document_catalogue_item.document_id')
          .select(['document_catalogue_item.item_key', 'document.id', 'document.title', 'document.written_date', 'document.published_at', 'document.status', 'document.disclosure'])
          .where('document_catalogue_item.item_key', 'in', keys).where('document.status', '!=', 'withdrawn').execute()
        : Promise.resolve([]),
  };
}
