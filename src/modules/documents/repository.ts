import type { ExpressionBuilder, Kysely, Selectable, Updateable } from 'kysely';
import { nowIso } from '../../platform/db/database.js';
import { beijingYearStart } from '../../platform/calendar/calendar.js';
import type { Database } from '../../schema.js';
import type { ScopeEntry } from '../accounts/policy.js';
import { scopeCondition } from '../accounts/scope-sql.js';
import type { DocumentStatus } from './enums.js';
import type { DocumentTable } from './schema.js';

export type DocumentRow = Selectable<DocumentTable>;
export type NewDocument = Omit<DocumentRow, 'id' | 'created_at' | 'updated_at' | 'revision_of' | 'disclosure_rule' | 'normative_kind'> & { revision_of?: number | null; disclosure_rule?: number; normative_kind?: DocumentRow['normative_kind'] };

export interface StaffListQuery {
  scope: ScopeEntry[];
  unitId?: number | undefined;
  status?: DocumentStatus | undefined;
  q?: string | undefined;
  sort?: 'updatedAt' | 'writtenDate' | 'publishedAt' | 'title' | undefined;
  order?: 'asc' | 'desc' | undefined;
  page: number;
  pageSize: number;
}

export interface PublicListQuery {
  unitId?: number | undefined;
  art20?: number | undefined;
  /** 领域 of the catalogue items a document fulfils. */
  domainId?: number | undefined;
  /** Only documents of the 政府信息公开制度 sub-column. */
  disclosureRule?: boolean | undefined;
  year?: number | undefined;
  validity?: string | undefined;
  page: number;
  pageSize: number;
}

/** Documents linked to a catalogue item of the domain (any version of any unit's catalogue). */
export function inDomain(eb: ExpressionBuilder<Database, 'document'>, domainId: number) {
  return eb.exists(
    eb.selectFrom('document_catalogue_item')
      .innerJoin('catalogue_item', 'catalogue_item.item_key', 'document_catalogue_item.item_key')
      .select('document_catalogue_item.document_id')
      .whereRef('document_catalogue_item.document_id', '=', 'document.id')
      .where('catalogue_item.domain_id', '=', domainId),
  );
}

const SORTS = { updatedAt: 'document.updated_at', writtenDate: 'document.written_date', publishedAt: 'document.published_at', title: 'document.title' } as const;
const stripLike = (s: string) => `%${s.replace(/[%_\\]/g, '')}%`;

/** Storage of documents, reviews, 索引号 counters and the word list; no rules here. */
export function documentRepository(db: Kysely<Database>) {
  const withUnit = () =>
    db.selectFrom('document').innerJoin('unit', 'unit.id', 'document.unit_id').selectAll('document').select(['unit.name as unit_name', 'unit.path as unit_path']);

  return {
    findById: (id: number) => withUnit().where('document.id', '=', id).executeTakeFirst(),
    findByIndexNo: (indexNo: string) => db.selectFrom('document').selectAll().where('index_no', '=', indexNo).executeTakeFirst(),

    async listForStaff(q: StaffListQuery) {
      let query = db.selectFrom('document').innerJoin('unit', 'unit.id', 'document.unit_id').where((eb) => scopeCondition(eb, 'unit.path', q.scope));
      if (q.unitId) query = query.where('document.unit_id', '=', q.unitId);
      if (q.status) query = query.where('document.status', '=', q.status);
      if (q.q) query = query.where((eb) => eb.or([eb('document.title', 'like', stripLike(q.q!)), eb('document.doc_no', 'like', stripLike(q.q!)), eb('document.index_no', 'like', stripLike(q.q!))]));
      const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const items = await query
        .selectAll('document')
        .select(['unit.name as unit_name', 'unit.path as unit_path'])
        .orderBy(SORTS[q.sort ?? 'updatedAt'], q.order ?? 'desc')
        .orderBy('document.id', 'desc')
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute();
      return { total, items };
    },

    /** Published documents for the public site, newest first. */
    async listPublished(q: PublicListQuery) {
      let query = db.selectFrom('document').innerJoin('unit', 'unit.id', 'document.unit_id').where('document.status', '=', 'published').where('document.disclosure', '=', 'proactive');
      if (q.unitId) query = query.where('document.unit_id', '=', q.unitId);
      if (q.art20) query = query.where('document.art20_item', '=', q.art20);
      if (q.domainId) query = query.where((eb) => inDomain(eb, q.domainId!));
      if (q.disclosureRule) query = query.where('document.disclosure_rule', '=', 1);
      if (q.validity) query = query.where('document.validity', '=', q.validity as DocumentRow['validity']);
      if (q.year) query = query.where('document.published_at', '>=', beijingYearStart(q.year)).where('document.published_at', '<', beijingYearStart(q.year + 1));
      const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const items = await query
        .selectAll('document')
        .select(['unit.name as unit_name', 'unit.path as unit_path'])
        .orderBy('document.published_at', 'desc')
        .orderBy('document.id', 'desc')
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute();
      return { total, items };
    },

    /** Published proactive documents per Art 20 item. */
    countByDomain: () =>
      db.selectFrom('catalogue_domain').select(['catalogue_domain.id', 'catalogue_domain.name', (eb) =>
        eb.selectFrom('document').select((e) => e.fn.countAll<number>().as('n'))
          .where('document.status', '=', 'published').where('document.disclosure', '=', 'proactive')
          .where((e) => inDomain(e, eb.ref('catalogue_domain.id') as unknown as number)).as('n'),
      ]).orderBy('catalogue_domain.sort_order').execute(),

    countByArt20: () =>
      db.selectFrom('document').select(['art20_item', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'published').where('disclosure', '=', 'proactive').where('art20_item', 'is not', null).groupBy('art20_item').execute(),

    findPublishedByDocNo: (norm: string) =>
      withUnit().where('document.doc_no_norm', '=', norm).where('document.status', '=', 'published').where('document.disclosure', '=', 'proactive').orderBy('document.published_at', 'desc').execute(),

    /** Documents by 索引号, many at once. */
    findByIndexNos: (indexNos: string[]) => (indexNos.length ? db.selectFrom('document').selectAll().where('index_no', 'in', indexNos).execute() : Promise.resolve([])),

    /** Several new documents in one statement; their ids by 索引号. */
    /** Inserts in statements of at most 500 rows (SQLite allows 32,766 parameters per statement). */
    async insertMany(docs: NewDocument[]) {
      const now = nowIso();
      const out: Array<{ id: number; index_no: string }> = [];
      for (let i = 0; i < docs.length; i += 500) {
        out.push(...await db.insertInto('document').values(docs.slice(i, i + 500).map((d) => ({ ...d, created_at: now, updated_at: now }))).returning(['id', 'index_no']).execute());
      }
      return out;
    },

    insert: (doc: NewDocument) => {
      const now = nowIso();
      return db.insertInto('document').values({ ...doc, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    },

    update: (id: number, changes: Updateable<DocumentTable>) => db.updateTable('document').set({ ...changes, updated_at: nowIso() }).where('id', '=', id).execute(),

    /** Moves one document from one status to another only if nobody moved it first (true when it did). */
    async transition(id: number, from: DocumentStatus[], changes: Updateable<DocumentTable>): Promise<boolean> {
      const r = await db.updateTable('document').set({ ...changes, updated_at: nowIso() }).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    dueForPublication: (now: string) => db.selectFrom('document').select(['id', 'unit_id', 'title']).where('status', '=', 'scheduled').where('publish_at', '<=', now).execute(),

    openRevision: (documentId: number) => db.selectFrom('document').select(['id', 'status']).where('revision_of', '=', documentId).executeTakeFirst(),
    versions: (documentId: number) => db.selectFrom('document_version').selectAll().where('document_id', '=', documentId).orderBy('version', 'desc').execute(),
    addVersion: (v: Omit<Selectable<Database['document_version']>, 'id'>) => db.insertInto('document_version').values(v).execute(),
    moveReviews: (from: number, to: number) => db.updateTable('document_review').set({ document_id: to }).where('document_id', '=', from).execute(),
    remove: (id: number) => db.deleteFrom('document').where('id', '=', id).execute(),
    reviews: (documentId: number) => db.selectFrom('document_review').selectAll().where('document_id', '=', documentId).orderBy('id').execute(),
    addReview: (r: Omit<Selectable<Database['document_review']>, 'id'>) => db.insertInto('document_review').values(r).execute(),

    /** Next 索引号 sequence number for a unit and year (run inside the creating transaction). */
    async nextSequence(unitId: number, year: number): Promise<number> {
      const updated = await db.updateTable('index_counter').set((eb) => ({ seq: eb('seq', '+', 1) })).where('unit_id', '=', unitId).where('year', '=', year).returning('seq').executeTakeFirst();
      if (updated) return updated.seq;
      await db.insertInto('index_counter').values({ unit_id: unitId, year, seq: 1 }).execute();
      return 1;
    },

    sensitiveWords: () => db.selectFrom('sensitive_word').selectAll().orderBy('word').execute(),
    addSensitiveWord: (w: { word: string; suggestion: string | null; severity: 'block' | 'warn' }) =>
      db.insertInto('sensitive_word').values({ ...w, created_at: nowIso() }).returningAll().executeTakeFirstOrThrow(),
    removeSensitiveWord: (id: number) => db.deleteFrom('sensitive_word').where('id', '=', id).returningAll().executeTakeFirst(),

    /** Which of these site paths are published documents (for the broken-link check). */
    async existingDocumentIds(ids: number[]) {
      if (!ids.length) return new Set<number>();
      const rows = await db.selectFrom('document').select('id').where('id', 'in', ids).where('status', '=', 'published').execute();
      return new Set(rows.map((r) => r.id));
    },
  };
}

/** 规章 and 行政规范性文件 of some units, as the annual report counts them (published, not revision copies). */
export function normativeDocuments(db: Kysely<Database>, unitIds: number[], upTo: string) {
  if (!unitIds.length) return Promise.resolve([]);
  return db.selectFrom('document').select(['id', 'normative_kind', 'written_date', 'validity', 'validity_date'])
    .where('unit_id', 'in', unitIds).where('normative_kind', 'is not', null).where('status', '=', 'published').where('revision_of', 'is', null)
    .where('written_date', '<=', upTo).orderBy('id').execute();
}
