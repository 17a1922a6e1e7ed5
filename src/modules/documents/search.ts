import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from '../../platform/db/database.js';
import { fts5Match, indexable, indexText, necessaryPhrases, queryTerms, tsPhrase } from '../../platform/search/text.js';
import type { Database } from '../../schema.js';
import type { Validity } from './enums.js';
import { inDomain } from './repository.js';

/**
 * Public full-text search over published proactive documents. SQLite: an FTS5 table over CJK bigrams;
 * PostgreSQL: the same bigram text in a GIN-indexed tsvector. Terms the bigram index cannot answer exactly
 * (one Chinese character, Latin or mixed text) fall back to a substring scan, so both databases return
 * exactly the documents that contain every term.
 */
export interface SearchIndexTables {
  /** SQLite only (FTS5, contentless, rowid = document.id). */
  document_fts: { rowid: number; title: string; body: string };
  /** PostgreSQL only. */
  document_search: { document_id: number; tsv: string };
}

export const documentSearchMigration: Migration = {
  async up(db: Kysely<any>) {
    if (dialectOf(db) === 'postgres') {
      await sql`create table document_search (document_id integer primary key references document(id), tsv tsvector not null)`.execute(db);
      await sql`create index document_search_tsv_idx on document_search using gin (tsv)`.execute(db);
    } else {
      await sql`create virtual table document_fts using fts5(title, body, content='', contentless_delete=1, tokenize='unicode61')`.execute(db);
    }
  },
};

/**
 * Indexes newly created public documents in one statement (the import's fast path: no earlier entry to
 * remove, no attachments yet). Same index text as syncSearchIndex.
 */
export async function indexNewDocuments(db: Kysely<Database>, docs: Array<{ id: number; title: string; keywords: string | null; body_text: string }>) {
  if (!docs.length) return;
  const rows = docs.map((d) => ({ id: d.id, title: indexText(`${d.title} ${d.keywords ?? ''}`), body: indexText(d.body_text) }));
  if (dialectOf(db) === 'postgres') {
    await sql`insert into document_search (document_id, tsv) select r.id, setweight(to_tsvector('simple', r.title), 'A') || to_tsvector('simple', r.body)
      from unnest(${sql.val(rows.map((r) => r.id))}::int[], ${sql.val(rows.map((r) => r.title))}::text[], ${sql.val(rows.map((r) => r.body))}::text[]) as r(id, title, body)`.execute(db);
  } else {
    await sql`insert into document_fts (rowid, title, body) values ${sql.join(rows.map((r) => sql`(${r.id}, ${r.title}, ${r.body})`))}`.execute(db);
  }
}

/** Puts a document into the index when it is public, and takes it out otherwise. */
export async function syncSearchIndex(db: Kysely<Database>, documentId: number) {
  const doc = await db.selectFrom('document').select(['id', 'title', 'keywords', 'body_text', 'status', 'disclosure']).where('id', '=', documentId).executeTakeFirst();
  const visible = doc && doc.status === 'published' && doc.disclosure === 'proactive';
  const attachments = visible ? await db.selectFrom('attachment').select('text').where('document_id', '=', documentId).execute() : [];
  const title = doc ? indexText(`${doc.title} ${doc.keywords ?? ''}`) : '';
  // Each text indexed on its own; a sentinel word between them keeps a phrase from spanning two texts.
  const body = doc ? [doc.body_text, ...attachments.map((a) => a.text)].map(indexText).join(' zzbreak ') : '';
  if (dialectOf(db) === 'postgres') {
    await sql`delete from document_search where document_id = ${documentId}`.execute(db);
    if (visible) {
      await sql`insert into document_search (document_id, tsv) values (${documentId}, setweight(to_tsvector('simple', ${title}), 'A') || to_tsvector('simple', ${body}))`.execute(db);
    }
  } else {
    await sql`delete from document_fts where rowid = ${documentId}`.execute(db);
    if (visible) await sql`insert into document_fts (rowid, title, body) values (${documentId}, ${title}, ${body})`.execute(db);
  }
}

export interface SearchQuery {
  q: string;
  unitId?: number | undefined;
  year?: number | undefined;
  validity?: Validity | undefined;
  art20?: number | undefined;
  domainId?: number | undefined;
  sort: 'relevance' | 'date';
  page: number;
  pageSize: number;
}

export async function searchDocuments(db: Kysely<Database>, query: SearchQuery) {
  const terms = queryTerms(query.q);
  const pg = dialectOf(db) === 'postgres';
  const useIndex = terms.length > 0 && terms.every(indexable);
  let q = db
    .selectFrom('document')
    .innerJoin('unit', 'unit.id', 'document.unit_id')
    .where('document.status', '=', 'published')
    .where('document.disclosure', '=', 'proactive');
  if (useIndex && pg) {
    const tsq = sql.join(terms.map((t) => sql`phraseto_tsquery('simple', ${tsPhrase(t)})`), sql` && `);
    q = q.innerJoin('document_search', 'document_search.document_id', 'document.id').where(sql<boolean>`document_search.tsv @@ (${tsq})`);
  } else if (useIndex) {
    q = q.innerJoin('document_fts', 'document_fts.rowid', 'document.id').where(sql<boolean>`document_fts match ${fts5Match(terms)}`);
  } else {
    // Substring scan, narrowed first to the documents the index says can contain every term.
    const phrases = terms.flatMap(necessaryPhrases);
    if (phrases.length && pg) {
      q = q.innerJoin('document_search', 'document_search.document_id', 'document.id')
        .where(sql<boolean>`document_search.tsv @@ (${sql.join(phrases.map((p) => sql`phraseto_tsquery('simple', ${p})`), sql` && `)})`);
    } else if (phrases.length) {
      q = q.innerJoin('document_fts', 'document_fts.rowid', 'document.id').where(sql<boolean>`document_fts match ${phrases.map((p) => `"${p}"`).join(' AND ')}`);
    }
    for (const term of terms) {
      const like = `%${term.replace(/[%_\\]/g, '')}%`;
      const op = pg ? 'ilike' : 'like';
      q = q.where((eb) => eb.or([
        eb('document.title', op, like), eb('document.body_text', op, like), eb('document.keywords', op, like),
        eb.exists(eb.selectFrom('attachment').select('attachment.id').whereRef('attachment.document_id', '=', 'document.id').where('attachment.text', op, like)),
      ]));
    }
  }
  if (query.unitId) q = q.where('document.unit_id', '=', query.unitId);
  if (query.validity) q = q.where('document.validity', '=', query.validity);
  if (query.art20) q = q.where('document.art20_item', '=', query.art20);
  if (query.domainId) q = q.where((eb) => inDomain(eb, query.domainId!));
  if (query.year) q = q.where('document.published_at', '>=', `${query.year}-01-01`).where('document.published_at', '<', `${query.year + 1}-01-01`);

  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  let ordered = q.selectAll('document').select(['unit.name as unit_name', 'unit.path as unit_path']);
  if (query.sort === 'relevance' && useIndex) {
    if (pg) {
      const tsq = sql.join(terms.map((t) => sql`phraseto_tsquery('simple', ${tsPhrase(t)})`), sql` && `);
      ordered = ordered.orderBy(sql`ts_rank(document_search.tsv, ${tsq})`, 'desc');
    } else {
      // Title hits weigh ten times body hits; bm25 is lower for better matches.
      ordered = ordered.orderBy(sql`bm25(document_fts, 10.0, 1.0)`);
    }
  }
  const items = await ordered.orderBy('document.published_at', 'desc').orderBy('document.id', 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute();
  return { total, items, terms };
}
