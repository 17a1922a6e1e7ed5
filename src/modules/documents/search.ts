import { availableParallelism } from 'node:os';
import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';
import { dialectOf, migrationProgress } from '../../platform/db/database.js';
import { fts5Match, indexTextsOf, phraseText, plainText, queryTerms, SEARCH_KEY_IDS, searchKey, searchKeyYear, searchKeyYearStart, searchPlan, trigramKeys, type IndexTexts, type SearchPlan } from '../../platform/search/text.js';
import { startThread } from '../../platform/worker/thread.js';
import { ensureSearchYears, hasLz4, mergePendingLists, searchYears } from './search-years.js';
import type { Database } from '../../schema.js';
import type { Validity } from './enums.js';

/**
 * Public full-text search over published proactive documents.
 *
 * Indexes keyed by the document's search key (publication minute, then id; see searchKey):
 * - bigrams of the Chinese text and whole Latin words/numbers (SQLite: FTS5 `document_fts`, with
 *   positions, which answer phrases; PostgreSQL: tsvector `document_search.tsv`, GIN, without positions);
 * - the set of distinct Chinese characters, for one-character queries
 *   (SQLite: FTS5 `document_chars`, detail=none; PostgreSQL: `document_search.chars`);
 * - PostgreSQL only: each document's plain text (`document_search_text`, decision 0014), in which longer
 *   phrases are checked and relevance counted, beside the trigram keys that find those phrases' candidates
 *   (`document_search_text.tri`, decisions 0012 and 0015).
 * Because index rows are stored in key order, "newest first" is read straight off the index and stops
 * after one page (PostgreSQL's GIN cannot stop early: its index is split by year, search-years.ts). The
 * work per query is bounded: the total is counted up to COUNT_LIMIT, and relevance ranks at most
 * RANK_LIMIT hits. See docs/decisions/0010, 0011, 0012, 0014 and 0015.
 */
export interface SearchIndexTables {
  /** SQLite only (FTS5, contentless, rowid = search key). */
  document_fts: { rowid: number; title: string; body: string };
  document_chars: { rowid: number; title: string; body: string };
  /** SQLite only: the title's (and keywords') bigrams again, for title-first pages. */
  document_titles: { rowid: number; title: string };
  /** SQLite only: the key of each indexed document, to delete its FTS5 rows. */
  document_search_key: { document_id: number; sort_key: number };
  /**
   * PostgreSQL only: `title` holds the title's (and keywords') lexemes again, for title-first pages. Since
   * 0028 `tsv` holds the lexemes without positions: phrases are checked in document_search_text.
   */
  document_search: { document_id: number; sort_key: number; tsv: string; chars: string; title: string };
  /**
   * PostgreSQL only: each indexed document's plain text (plainText, decision 0014) and, since 0029, the
   * trigram keys of its tokens (trigramKeys), which narrow a phrase's candidates; by search key, by year.
   */
  document_search_text: { sort_key: number; txt: string; tri: number[] };
  /** Documents waiting for the index, in the order they will be indexed (see indexPending). */
  search_pending: { published_at: string; document_id: number };
}

/** PostgreSQL: "newest first" with many hits first looks among this many documents per requested row (see keyQuery). */
const NEWEST_WINDOW = 50;
/** Totals above this are reported as "more than". */
export const COUNT_LIMIT = 1_000;
/**
 * Relevance (bm25 / ts_rank) ranks all hits up to this many; beyond it, hits with every term in the title
 * come first, then the others, each newest first (both read in index order).
 */
export const RANK_LIMIT = 1_000;

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

/** 0024: the key-ordered indexes above replace the id-keyed bigram index; every public document is queued to be indexed again. */
export const searchKeyMigration: Migration = {
  async up(db: Kysely<any>) {
    if (dialectOf(db) === 'postgres') {
      await sql`drop table document_search`.execute(db);
      await sql`create table document_search (document_id integer primary key references document(id), sort_key bigint not null, tsv tsvector not null, chars tsvector not null)`.execute(db);
      await sql`create index document_search_tsv_idx on document_search using gin (tsv)`.execute(db);
      await sql`create index document_search_chars_idx on document_search using gin (chars)`.execute(db);
      await sql`create unique index document_search_key_idx on document_search (sort_key)`.execute(db);
    } else {
      await sql`drop table document_fts`.execute(db);
      // Index text is already tokenised and lower-cased by us: the ascii tokenizer only splits on spaces (≈30% faster than unicode61).
      await sql`create virtual table document_fts using fts5(title, body, content='', contentless_delete=1, tokenize='ascii')`.execute(db);
      await sql`create virtual table document_chars using fts5(title, body, content='', contentless_delete=1, tokenize='ascii', detail=none)`.execute(db);
      await sql`create table document_search_key (document_id integer primary key, sort_key integer not null)`.execute(db);
    }
    await sql`create table search_pending (published_at text not null, document_id integer not null, primary key (published_at, document_id))`.execute(db);
    // Indexed by the scheduled job (indexPending) once the server runs.
    await queueAllPublic(db);
  },
};

/**
 * 0025: title-first pages read a small title index, and bulk indexing is faster (docs/decisions/0010).
 * - "Every term in the title" walked the whole text index's lists for common words (SQLite two-word
 *   queries p95 150 ms at 1,000,000; PostgreSQL re-read every candidate's tsvector, p95 1.1 s at 100,000):
 *   the title and keywords get their own index (FTS5 `document_titles`; GIN on `document_search.title`).
 * - SQLite: FTS5 keeps up to 64 MB of new index in memory per transaction (default 1 MB) and merges 16
 *   segments at a time (default 4): with 10,000-document batches the index is written 2× faster.
 * The index is emptied and every public document queued to be indexed again (by the scheduled job).
 */
export const searchTitleMigration: Migration = {
  async up(db: Kysely<any>) {
    if (dialectOf(db) === 'postgres') {
      await emptyIndex(db);
      await sql`alter table document_search add column title tsvector not null`.execute(db);
      await sql`create index document_search_title_idx on document_search using gin (title)`.execute(db);
    } else {
      await sql`create virtual table document_titles using fts5(title, content='', contentless_delete=1, tokenize='ascii')`.execute(db);
      for (const table of FTS_TABLES) {
        await sql`insert into ${sql.table(table)} (${sql.ref(table)}, rank) values ('hashsize', ${sql.lit(64 * 1024 * 1024)})`.execute(db);
        await sql`insert into ${sql.table(table)} (${sql.ref(table)}, rank) values ('automerge', 16)`.execute(db);
      }
      await emptyIndex(db);
    }
    await queueAllPublic(db);
  },
};

/**
 * 0027 (PostgreSQL): the trigram keys of each indexed document (`tri`, GIN), which narrow a phrase's
 * candidates before its positions are checked (decision 0012). Rows already in the index get their keys
 * from their documents' texts, a batch at a time in key order. The GIN indexes are dropped meanwhile and
 * built again afterwards: an update writes a new row version, which every GIN index would index again.
 */
export const searchTrigramMigration: Migration = {
  async up(db: Kysely<any>) {
    if (dialectOf(db) !== 'postgres') return;
    await sql`alter table document_search add column tri int4[] not null default '{}'`.execute(db);
    for (const index of ['document_search_tsv_idx', 'document_search_chars_idx', 'document_search_title_idx']) await sql`drop index ${sql.ref(index)}`.execute(db);
    const total = Number((await sql<{ n: string }>`select count(*) as n from document_search`.execute(db)).rows[0]!.n);
    let after: string | null = null;
    let done = 0;
    for (;;) {
      const rows: Array<{ document_id: number; sort_key: string }> = (await sql<{ document_id: number; sort_key: string }>`select document_id, sort_key from document_search
        ${after === null ? sql`` : sql`where sort_key > ${after}`} order by sort_key limit 2000`.execute(db)).rows;
      if (!rows.length) break;
      after = rows[rows.length - 1]!.sort_key;
      const docs = await db.selectFrom('document').select(INDEXED_FIELDS).where('id', 'in', rows.map((r) => r.document_id)).execute();
      const texts = await indexRows(db, docs.filter((d) => d.published_at));
      // Rows are found by their own key, which also picks their partition.
      const keyOf = new Map(rows.map((r) => [r.document_id, r.sort_key]));
      await sql`update document_search s set tri = string_to_array(u.tri, ',')::int4[]
        from unnest(${sql.val(texts.map((t) => keyOf.get(t.id)!))}::bigint[], ${sql.val(texts.map(rowTrigrams))}::text[]) as u(key, tri)
        where s.sort_key = u.key and s.sort_key between ${rows[0]!.sort_key} and ${after}`.execute(db);
      done += rows.length;
      migrationProgress(`迁移 0027：已生成 ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} 份文件的三字索引键`, true);
    }
    migrationProgress(`迁移 0027：索引键已生成（${total.toLocaleString('en-US')} 份），正在重建检索索引（百万份约需半小时）…`);
    await sql`create index document_search_tsv_idx on document_search using gin (tsv)`.execute(db);
    await sql`create index document_search_chars_idx on document_search using gin (chars)`.execute(db);
    await sql`create index document_search_title_idx on document_search using gin (title)`.execute(db);
    await sql`create index document_search_tri_idx on document_search using gin (tri)`.execute(db);
  },
};

/**
 * 0028 (PostgreSQL): phrases of three or more characters are checked in each document's plain text
 * (`document_search_text`, a table of its own so that index rows stay narrow) instead of in the positions
 * of its tsvector, which is then stored without positions; relevance counts the terms' occurrences in that
 * text. The text stays in its row (storage main, compressed) where it fits: one page read per check.
 * The index is emptied and every public document queued to be indexed again (decision 0014).
 */
export const searchPlainTextMigration: Migration = {
  async up(db: Kysely<any>) {
    if (dialectOf(db) !== 'postgres') return;
    await sql`create table document_search_text (sort_key bigint primary key, txt text not null)`.execute(db);
    await sql`alter table document_search_text alter column txt set storage main`.execute(db);
    if (await hasLz4(db)) await sql`alter table document_search_text alter column txt set compression lz4`.execute(db);
    await emptyIndex(db);
    await queueAllPublic(db);
  },
};

/**
 * 0029 (PostgreSQL): the trigram keys move from the index rows to the plain texts, whose table is split by
 * year like the index (search-years.ts). A phrase of three or more characters is then answered from one
 * table: its candidates from the trigram keys and their texts from the same partition, one page read per
 * candidate instead of three (index row, text key, text). The rows are copied, not indexed again.
 */
export const searchTextTrigramMigration: Migration = {
  async up(db: Kysely<any>) {
    if (dialectOf(db) !== 'postgres') return;
    await sql`alter table document_search_text rename to document_search_text_old`.execute(db);
    await sql`alter table document_search_text_old drop constraint document_search_text_pkey`.execute(db);
    await sql`create table document_search_text (sort_key bigint not null, txt text not null, tri int4[] not null) partition by range (sort_key)`.execute(db);
    await sql`alter table document_search_text alter column txt set storage main`.execute(db);
    if (await hasLz4(db)) await sql`alter table document_search_text alter column txt set compression lz4`.execute(db);
    await ensureSearchYears(db, await searchYears(db));
    const total = Number((await sql<{ n: string }>`select count(*) as n from document_search_text_old`.execute(db)).rows[0]!.n);
    migrationProgress(`迁移 0029：正在把 ${total.toLocaleString('en-US')} 份文件的三字索引键移到检索原文旁…`);
    // Before the indexes: a GIN index built from all rows at once is much faster than one filled row by row.
    await sql`insert into document_search_text (sort_key, txt, tri) select o.sort_key, o.txt, s.tri from document_search_text_old o join document_search s on s.sort_key = o.sort_key`.execute(db);
    await sql`drop table document_search_text_old`.execute(db);
    migrationProgress('迁移 0029：正在建立各年度的三字索引（百万份约需 12 分钟）…');
    await sql`alter table document_search_text add primary key (sort_key)`.execute(db);
    await sql`create index document_search_text_tri_idx on document_search_text using gin (tri)`.execute(db);
    await sql`drop index document_search_tri_idx`.execute(db);
    await sql`alter table document_search drop column tri`.execute(db);
  },
};

/** SQLite's index tables, all keyed by the search key (rowid). */
const FTS_TABLES = ['document_fts', 'document_chars', 'document_titles'] as const;

/** Removes every index row and empties the queue. */
async function emptyIndex(db: Kysely<any>) {
  if (dialectOf(db) === 'postgres') {
    await sql`delete from document_search`.execute(db);
    // Migrations before 0028 empty the index too, when this table does not exist yet.
    const texts = (await sql<{ t: string | null }>`select to_regclass('document_search_text')::text as t`.execute(db)).rows[0]!.t;
    if (texts) await sql`truncate document_search_text`.execute(db);
  } else {
    // FTS5's 'delete-all' drops the whole index at once (DELETE would remove rows one by one).
    for (const table of FTS_TABLES) await sql`insert into ${sql.table(table)} (${sql.ref(table)}) values ('delete-all')`.execute(db);
    await sql`delete from document_search_key`.execute(db);
  }
  await sql`delete from search_pending`.execute(db);
}

const isPublic = (d: { status: string; disclosure: string; published_at: string | null }) => d.status === 'published' && d.disclosure === 'proactive' && d.published_at !== null;

/** Queues every public document for indexPending. */
async function queueAllPublic(db: Kysely<any>) {
  await sql`insert into search_pending (published_at, document_id) select published_at, id from document where status = 'published' and disclosure = 'proactive' and published_at is not null`.execute(db);
}

/** Queues documents for indexPending (a bulk import's new documents: indexed after its last batch). */
export async function queueForIndex(db: Kysely<Database>, docs: Array<{ id: number; published_at: string | null }>) {
  const rows = docs.filter((d) => d.published_at).map((d) => ({ published_at: d.published_at!, document_id: d.id }));
  for (let i = 0; i < rows.length; i += 5000) await db.insertInto('search_pending').values(rows.slice(i, i + 5000)).onConflict((oc) => oc.doNothing()).execute();
}

/** Empties the index and indexes every public document again (after a restore, or to repair). */
export async function rebuildSearchIndex(db: Kysely<Database>, onProgress?: (indexed: number) => void) {
  await emptyIndex(db);
  await queueAllPublic(db);
  return indexPending(db, onProgress, { bulk: true });
}

/** Takes documents out of the index (nothing happens for those not in it). */
async function removeFromIndex(db: Kysely<Database>, ids: number[]) {
  if (!ids.length) return;
  if (dialectOf(db) === 'postgres') {
    const removed = await db.deleteFrom('document_search').where('document_id', 'in', ids).returning('sort_key').execute();
    if (removed.length) await db.deleteFrom('document_search_text').where('sort_key', 'in', removed.map((r) => r.sort_key)).execute();
    return;
  }
  const keys = await db.selectFrom('document_search_key').select('sort_key').where('document_id', 'in', ids).execute();
  for (const { sort_key: key } of keys) {
    await sql`delete from document_fts where rowid = ${key}`.execute(db);
    await sql`delete from document_chars where rowid = ${key}`.execute(db);
    await sql`delete from document_titles where rowid = ${key}`.execute(db);
  }
  if (keys.length) await db.deleteFrom('document_search_key').where('document_id', 'in', ids).execute();
}

/** `plain`: the document's plainText on PostgreSQL, empty on SQLite (which does not store it). */
interface IndexRow extends IndexTexts { id: number; key: number; plain: string }

/** Writes index rows for documents not in the index. */
async function writeIndexRows(db: Kysely<Database>, unsorted: IndexRow[]) {
  if (!unsorted.length) return;
  // FTS5 flushes its in-memory segment whenever a rowid is not above the last one: write in key order.
  const rows = [...unsorted].sort((a, b) => a.key - b.key);
  if (dialectOf(db) === 'postgres') {
    // A document changed while a bulk batch holding it is written is re-indexed by its own change
    // (syncSearchIndex), which cannot see the batch's uncommitted row: whichever commits second replaces
    // the row instead of failing on its key. Both wrote the document as it was after the change.
    await ensureSearchYears(db, rows.map((r) => searchKeyYear(r.key)));
    await sql`insert into document_search (document_id, sort_key, tsv, chars, title)
      select r.id, r.key, strip(r.title_tsv || to_tsvector('simple', r.body)), array_to_tsvector(string_to_array(r.chars, ' ')), r.title_tsv
      from (select r.*, to_tsvector('simple', r.title) as title_tsv from unnest(${sql.val(rows.map((r) => r.id))}::int[], ${sql.val(rows.map((r) => r.key))}::bigint[], ${sql.val(rows.map((r) => r.title))}::text[], ${sql.val(rows.map((r) => r.body))}::text[], ${sql.val(rows.map((r) => `${r.charTitle} ${r.charBody}`.trim()))}::text[]) as r(id, key, title, body, chars)) r
      on conflict (sort_key) do update set tsv = excluded.tsv, chars = excluded.chars, title = excluded.title`.execute(db);
    await sql`insert into document_search_text (sort_key, txt, tri)
      select key, txt, string_to_array(tri, ',')::int4[] from unnest(${sql.val(rows.map((r) => r.key))}::bigint[], ${sql.val(rows.map((r) => r.plain))}::text[], ${sql.val(rows.map(rowTrigrams))}::text[]) as r(key, txt, tri)
      on conflict (sort_key) do update set txt = excluded.txt, tri = excluded.tri`.execute(db);
  } else {
    // At most 3 × 3,000 bound values per statement (SQLite allows 32,766).
    for (let i = 0; i < rows.length; i += 3000) {
      const part = rows.slice(i, i + 3000);
      await sql`insert into document_fts (rowid, title, body) values ${sql.join(part.map((r) => sql`(${r.key}, ${r.title}, ${r.body})`))}`.execute(db);
      await sql`insert into document_chars (rowid, title, body) values ${sql.join(part.map((r) => sql`(${r.key}, ${r.charTitle}, ${r.charBody})`))}`.execute(db);
      await sql`insert into document_titles (rowid, title) values ${sql.join(part.map((r) => sql`(${r.key}, ${r.title})`))}`.execute(db);
      await sql`insert into document_search_key (document_id, sort_key) values ${sql.join(part.map((r) => sql`(${r.id}, ${r.key})`))}`.execute(db);
    }
  }
}

/** PostgreSQL: a row's trigram keys (tri), comma-separated; title first, as in its tsvector (setweight(title) || body). */
const rowTrigrams = (r: IndexTexts) => trigramKeys(`${r.title} ${r.body}`).join(',');

type IndexedDocument = { id: number; title: string; keywords: string | null; body_text: string; published_at: string | null };
/** What indexing reads of a document: its texts and whether it is public. */
const INDEXED_FIELDS = ['id', 'title', 'keywords', 'body_text', 'published_at', 'status', 'disclosure'] as const;
type Queued = { published_at: string; document_id: number };

/** The next queued documents in index order; `after` a position, or claimed (PostgreSQL: skipping batches other connections hold). */
async function readQueue(db: Kysely<Database>, size: number, options: { after?: Queued | null; claim?: boolean }) {
  const { after, claim } = options;
  return (await sql<Queued>`select published_at, document_id from search_pending
    ${after ? sql`where (published_at, document_id) > (${after.published_at}, ${after.document_id})` : sql``}
    order by published_at, document_id limit ${size} ${sql.raw(claim && dialectOf(db) === 'postgres' ? 'for update skip locked' : '')}`.execute(db)).rows;
}
/** What a document's index texts are made from: title, keywords, body and each attachment's text. */
interface IndexSource { id: number; key: number; title: string; keywords: string | null; texts: string[] }

/** The index sources of documents (their attachments read in one query). */
async function indexSources(db: Kysely<Database>, docs: IndexedDocument[]): Promise<IndexSource[]> {
  if (!docs.length) return [];
  const attachments = await db.selectFrom('attachment').select(['document_id', 'text']).where('document_id', 'in', docs.map((d) => d.id)).orderBy('sort_order').orderBy('id').execute();
  return docs.map((d) => ({
    id: d.id, key: searchKey(d.published_at!, d.id), title: d.title, keywords: d.keywords,
    texts: [d.body_text, ...attachments.filter((a) => a.document_id === d.id).map((a) => a.text)],
  }));
}

async function indexRows(db: Kysely<Database>, docs: IndexedDocument[]): Promise<IndexRow[]> {
  const sources = await indexSources(db, docs);
  const texts = indexTextsOf(sources);
  const pg = dialectOf(db) === 'postgres';
  return sources.map((s, i) => ({ id: s.id, key: s.key, ...texts[i]!, plain: pg ? plainText(s.title, s.keywords, s.texts) : '' }));
}

/**
 * Indexes the queued documents (search_pending) oldest first, in batches, so that index rows are written
 * in ascending key order: FTS5 then appends instead of flushing and merging overlapping segments
 * (measured: 40% less time and 30% less space than indexing each import batch as it comes). Bulk imports
 * queue their new documents and call this after the last batch with `bulk` (larger batches; on SQLite
 * read-ahead through a worker thread, on PostgreSQL two connections and a larger GIN pending list); the
 * scheduled job calls it too (plain batches), so an interrupted import or an upgrade is indexed later.
 * Documents no longer public are skipped. Safe in several processes at once (each batch is claimed in its
 * transaction). Returns the number indexed.
 */
export async function indexPending(db: Kysely<Database>, onProgress?: (indexed: number) => void | Promise<void>, options: { bulk?: boolean; batch?: number } = {}): Promise<number> {
  const pg = dialectOf(db) === 'postgres';
  const bulk = options.bulk ?? false;
  const size = options.batch ?? (bulk ? BULK_BATCH : PENDING_BATCH);
  let indexed = 0;
  const progress = async (n: number) => {
    indexed += n;
    await onProgress?.(indexed);
  };
  // SQLite writes on one connection: in bulk, a worker thread makes the next batch's texts meanwhile.
  if (bulk && !pg && availableParallelism() > 1) await indexAhead(db, size, progress);
  const loop = async () => {
    for (;;) {
      const n = await indexBatch(db, size, pg && bulk);
      if (!n) return;
      await progress(n);
    }
  };
  // PostgreSQL builds tsvectors and GIN entries in its own processes: a second connection uses a second core.
  await Promise.all(Array.from({ length: pg && bulk ? 2 : 1 }, loop));
  // Entries left in a pending list are scanned by every search until merged: merge them now.
  if (pg && bulk && indexed) await mergePendingLists(db);
  return indexed;
}

/**
 * SQLite bulk indexing with read-ahead: batch k+1 is read and its texts made in a worker thread while
 * batch k is written (making the texts took a fifth of the index phase). A document may change between
 * the read and the write; every change to a public document writes its index rows at once
 * (syncSearchIndex), so at write time a document already in the index, no longer public or re-dated is
 * left as it is. Stops at the first short batch; indexPending's plain loop takes what is left (and what
 * was queued behind the read position meanwhile).
 */
async function indexAhead(db: Kysely<Database>, size: number, progress: (n: number) => Promise<void>) {
  let after: Queued | null = null;
  const read = async () => {
    const queued = await readQueue(db, size, { after });
    if (queued.length < size) return null;
    after = queued[queued.length - 1]!;
    const docs = await db.selectFrom('document').select(INDEXED_FIELDS).where('id', 'in', queued.map((q) => q.document_id)).execute();
    return { queued, sources: await indexSources(db, docs.filter(isPublic)) };
  };
  const first = await read();
  if (!first) return;
  const thread = startThread<IndexSource[], IndexTexts[]>(new URL('./search-worker.ts', import.meta.url));
  const withTexts = (batch: Awaited<ReturnType<typeof read>>) => batch && { ...batch, texts: thread.call(batch.sources) };
  try {
    let next = withTexts(first);
    while (next) {
      const batch = next;
      next = withTexts(await read());
      const texts = await batch.texts;
      await db.transaction().execute(async (trx) => {
        const ids = batch.sources.map((s) => s.id);
        const now = new Map((await trx.selectFrom('document').select(['id', 'status', 'disclosure', 'published_at']).where('id', 'in', ids).execute()).map((d) => [d.id, d]));
        const inIndex = new Set((await trx.selectFrom('document_search_key').select('document_id').where('document_id', 'in', ids).execute()).map((r) => r.document_id));
        const rows = batch.sources.map((s, i) => ({ id: s.id, key: s.key, ...texts[i]!, plain: '' /* SQLite */ })).filter((r) => {
          const d = now.get(r.id);
          return d && isPublic(d) && searchKey(d.published_at!, d.id) === r.key && !inIndex.has(r.id);
        });
        await writeIndexRows(trx, rows);
        await deleteQueued(trx, batch.queued);
      });
      await progress(batch.queued.length);
    }
  } finally {
    await thread.close();
  }
}

const PENDING_BATCH = 2000;
/** With FTS5's 64 MB hash (migration 0025), 10,000 documents per transaction halve the write time of 2,000. */
const BULK_BATCH = 10_000;

/** Indexes one claimed batch of the queue; returns its size (0 when the queue is empty). */
async function indexBatch(db: Kysely<Database>, size: number, pgBulk: boolean) {
  const pg = dialectOf(db) === 'postgres';
  return db.transaction().execute(async (trx) => {
    if (pgBulk) {
      // GIN inserts go to a pending list that is merged in sorted runs: larger runs, fewer merges (1.6× faster measured).
      await sql`set local work_mem = '256MB'`.execute(trx);
      await sql`set local gin_pending_list_limit = '64MB'`.execute(trx);
    }
    const queued = await readQueue(trx, size, { claim: true });
    if (!queued.length) return 0;
    const ids = queued.map((q) => q.document_id);
    // PostgreSQL: an edit of one of these documents (which re-indexes it) waits for this batch, or this batch for it.
    let read = trx.selectFrom('document').select(INDEXED_FIELDS).where('id', 'in', ids);
    if (pg) read = read.forShare();
    const docs = await read.execute();
    await removeFromIndex(trx, ids);
    await writeIndexRows(trx, await indexRows(trx, docs.filter(isPublic)));
    await deleteQueued(trx, queued);
    return queued.length;
  });
}

async function deleteQueued(db: Kysely<Database>, queued: Queued[]) {
  if (dialectOf(db) === 'postgres') {
    await sql`delete from search_pending where (published_at, document_id) in (select * from unnest(${sql.val(queued.map((q) => q.published_at))}::text[], ${sql.val(queued.map((q) => q.document_id))}::int[]))`.execute(db);
    return;
  }
  for (let i = 0; i < queued.length; i += 5000) {
    await sql`delete from search_pending where (published_at, document_id) in (values ${sql.join(queued.slice(i, i + 5000).map((q) => sql`(${q.published_at}, ${q.document_id})`))})`.execute(db);
  }
}

/** Puts a document into the index when it is public, and takes it out otherwise. */
export async function syncSearchIndex(db: Kysely<Database>, documentId: number) {
  const doc = await db.selectFrom('document').select(INDEXED_FIELDS).where('id', '=', documentId).executeTakeFirst();
  if (!doc) return;
  await removeFromIndex(db, [doc.id]);
  if (isPublic(doc)) await writeIndexRows(db, await indexRows(db, [doc]));
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

export interface SearchResult<T> {
  /** Number of hits, counted up to COUNT_LIMIT. */
  total: number;
  /** True when there are more hits than `total`. */
  totalCapped: boolean;
  /** True when there were too many hits to rank: title hits first, then the others, each newest first. */
  rankCapped: boolean;
  items: T[];
  terms: string[];
}

/**
 * Which hits a key query returns: all, those with every term in the title (or keywords), or the others.
 * The others are asked for only when every title hit is known, because they end on the page asked for
 * (search). PostgreSQL reads them as all hits but those keys, so a query of long phrases reads the text
 * table alone instead of joining each candidate's index row to test its title; SQLite's FTS5 answers
 * `NOT {title}` inside its index.
 */
type Part = 'all' | 'title' | { rest: number[] };

/** A PostgreSQL tsquery text for bigram phrases (with positions) and prefixes. */
function tsQueryText(plan: Pick<SearchPlan, 'phrases' | 'prefixes'>) {
  const phrases = plan.phrases.map((p) => `(${p.split(' ').map((t) => `'${t}'`).join(' <-> ')})`);
  const prefixes = plan.prefixes.map((p) => `'${p}':*`);
  return [...phrases, ...prefixes].join(' & ');
}

/** A phrase of several index tokens (three or more characters): PostgreSQL checks it in the plain text. */
const isLongPhrase = (phrase: string) => phrase.includes(' ');

/** PostgreSQL: the plain texts (`t`) of the index rows (`s`). */
const TEXT_JOIN = sql`join document_search_text t on t.sort_key = s.sort_key`;
/** PostgreSQL: the plain texts alone (queries of long phrases only). */
const TEXT_ONLY = sql`document_search_text t`;
/** PostgreSQL: the first line of the plain text: title and keywords (plainText). */
const TITLE_LINE = sql`split_part(t.txt, chr(10), 1)`;

/** Occurrences of a (lower-case) term in the plain text `t.txt`, counted by byte lengths in one pass. */
const occurrences = (term: string) => sql`((octet_length(t.txt) - octet_length(replace(t.txt, ${term}, ''))) / ${Buffer.byteLength(term)})`;

/**
 * The hits' keys as one query over the index, narrowed by the document filters, with a relevance score
 * (lower is better) when the plan has words to rank by.
 */
function keyQuery(db: Kysely<Database>, plan: SearchPlan, query: SearchQuery, part: Part) {
  const pg = dialectOf(db) === 'postgres';
  const rest = typeof part === 'object';
  const needsDocument = Boolean(query.unitId || query.validity || query.art20 || query.domainId || plan.verify.length);
  const where: RawBuilder<unknown>[] = [];
  let from: RawBuilder<unknown>;
  let key: RawBuilder<unknown>;
  let score: RawBuilder<unknown> | null = null;
  /** PostgreSQL: phrases checked in the plain text after the index found their candidates. */
  let checks: string[] = [];
  /** PostgreSQL: the trigram condition that finds long phrases' candidates (left out when walking the key index). */
  let candidates: RawBuilder<unknown> | null = null;
  /** PostgreSQL: the terms relevance counts. */
  let rankTerms: string[] = [];
  if (pg) {
    const text = tsQueryText(plan);
    const long = plan.phrases.filter(isLongPhrase);
    const short = plan.phrases.filter((p) => !isLongPhrase(p));
    const words = short.length > 0 || plan.prefixes.length > 0;
    // Only long phrases, not the title part: the text table alone answers (trigram keys, then the text,
    // one partition).
    const textOnly = part !== 'title' && long.length > 0 && !words && !plan.chars.length;
    from = textOnly ? TEXT_ONLY : sql`document_search s`;
    key = textOnly ? sql`t.sort_key` : sql`s.sort_key`;
    if (text) {
      // The title keeps its positions and has its own GIN index: title hits are exact phrase matches there.
      const titleQuery = sql`to_tsquery('simple', ${text})`;
      if (part === 'title') where.push(sql`s.title @@ ${titleQuery}`);
      else {
        // tsv has no positions (0028): two-character words and Latin words are answered by its GIN index
        // alone, without reading a row. Phrases of three or more characters are checked in the plain text
        // (decision 0014). Beside shorter terms their bigrams join the tsv query, where they narrow it
        // inside its GIN index (明市监 beside 2019 and 60). Alone, their candidates come from the trigram
        // keys beside the texts (decisions 0012, 0015; each phrase's keys on their own, as keys of phrases
        // run together would include windows across them): a tsv query would be checked row by row,
        // reading each candidate's tsvector (≈ 6 KB, out of line), twice as slow.
        if (words) {
          const tokens = [...new Set([...short, ...long.flatMap((p) => p.split(' '))])];
          where.push(sql`s.tsv @@ to_tsquery('simple', ${tsQueryText({ phrases: tokens, prefixes: plan.prefixes })})`);
        } else if (long.length) {
          candidates = sql`t.tri @> ${sql.val([...new Set(long.flatMap((p) => [...trigramKeys(p)]))])}::int4[]`;
          where.push(candidates);
        }
        checks = long.map(phraseText);
      }
      rankTerms = [...plan.phrases.map(phraseText), ...plan.prefixes];
    }
    if (plan.chars.length) where.push(sql`s.chars @@ plainto_tsquery('simple', ${plan.chars.join(' ')})`);
    if (rest && part.rest.length) where.push(sql`${key} <> all(${sql.val(part.rest)}::bigint[])`);
    if (checks.length && !textOnly) from = sql`${from} ${TEXT_JOIN}`;
    if (needsDocument) from = sql`${from} join document d on d.id = ${textOnly ? sql`(t.sort_key % ${sql.lit(SEARCH_KEY_IDS)})::int` : sql`s.document_id`}`;
  } else {
    // CROSS JOIN keeps the index as the outer loop, so rows come in key order and LIMIT stops early.
    const match = fts5Match(plan);
    if (match) {
      // Title hits come from the small title index; the text index's own title column would walk every hit's positions.
      const table = part === 'title' ? 'document_titles' : 'document_fts';
      from = sql`${sql.table(table)} f`;
      key = sql`f.rowid`;
      where.push(sql`${sql.table(table)} match ${rest ? `(${match}) NOT {title} : (${match})` : match}`);
      if (plan.chars.length) {
        from = sql`${from} cross join document_chars c`;
        where.push(sql`c.rowid = f.rowid`, sql`document_chars match ${plan.chars.join(' AND ')}`);
      }
      if (part !== 'title') score = sql`bm25(document_fts, 10.0, 1.0)`;
    } else {
      from = sql`document_chars c`;
      key = sql`c.rowid`;
      where.push(sql`document_chars match ${plan.chars.join(' AND ')}`);
    }
    if (needsDocument) {
      from = sql`${from} cross join document d`;
      where.push(sql`d.id = (${key} % ${SEARCH_KEY_IDS})`);
    }
  }
  const inYear = (k: RawBuilder<unknown>) => (query.year ? yearRange(k, query.year) : []);
  where.push(...inYear(key));
  if (query.unitId) where.push(sql`d.unit_id = ${query.unitId}`);
  if (query.validity) where.push(sql`d.validity = ${query.validity}`);
  if (query.art20) where.push(sql`d.art20_item = ${query.art20}`);
  if (query.domainId) {
    where.push(sql`exists (select 1 from document_catalogue_item dci join catalogue_item ci on ci.item_key = dci.item_key where dci.document_id = d.id and ci.domain_id = ${query.domainId})`);
  }
  for (const term of plan.verify) {
    const like = `%${term.replace(/[%_\\]/g, '')}%`;
    const op = sql.raw(pg ? 'ilike' : 'like');
    where.push(sql`(d.title ${op} ${like} or d.body_text ${op} ${like} or d.keywords ${op} ${like} or exists (select 1 from attachment a where a.document_id = d.id and a.text ${op} ${like}))`);
  }
  const checked = checks.map((phrase) => sql`strpos(t.txt, ${phrase}) > 0`);
  /** The hits' keys; `walk`: read in key order, each candidate checked in its text (no trigram lookup). */
  const hits = (extra: RawBuilder<unknown>[] = [], walk = false) =>
    sql`select ${key} as k from ${from} where ${sql.join([...where.filter((w) => !walk || w !== candidates), ...checked, ...extra], sql` and `)}`;
  const keysOf = (rows: Array<{ k: number | string }>) => rows.map((r) => Number(r.k));
  const page = async (order: RawBuilder<unknown>, limit: number, offset: number, extra: RawBuilder<unknown>[] = [], walk = false) =>
    keysOf((await sql<{ k: number }>`${hits(extra, walk)} order by ${order} limit ${limit} offset ${offset}`.execute(db)).rows);
  /**
   * PostgreSQL relevance: each term's occurrences in the plain text, plus 9 when it is in the title line
   * (title and keywords; so a title occurrence weighs ten), computed in one pass over the candidates, which
   * also checks the phrases.
   */
  const rankedByOccurrence = async (limit: number, offset: number) => {
    // Queries with phrases to check have joined the texts already (or read only them).
    const joined = checks.length ? from : sql`${from} ${TEXT_JOIN}`;
    const columns = rankTerms.map((term, i) => sql`${occurrences(term)} as o${sql.raw(String(i))}, (strpos(${TITLE_LINE}, ${term}) > 0)::int as t${sql.raw(String(i))}`);
    const found = rankTerms.flatMap((term, i) => (checks.includes(term) ? [sql`o${sql.raw(String(i))} > 0`] : []));
    const total = sql.join(rankTerms.map((_, i) => sql.raw(`o${i} + 9 * t${i}`)), sql` + `);
    // offset 0 keeps the subquery as it is: each candidate's text is read and scanned once.
    return keysOf((await sql<{ k: number }>`select k from (select ${key} as k, ${sql.join(columns)} from ${joined}
      where ${sql.join(where, sql` and `)} offset 0) c ${found.length ? sql`where ${sql.join(found, sql` and `)}` : sql``}
      order by ${total} desc, k desc limit ${limit} offset ${offset}`.execute(db)).rows);
  };
  return {
    /**
     * Hits counted up to `limit`. PostgreSQL reads the years newest first (one branch per year, which stops
     * once the limit is reached): the newest years are the likeliest to be in memory. Not with document
     * filters, whose join planned once per year costs more than it saves.
     */
    count: async (limit: number) => {
      const years = pg && !needsDocument && !query.year ? await searchYears(db) : [];
      const counted = years.length > 1
        ? sql`select k from (${sql.join(years.map((year) => sql`(${hits(yearRange(key, year))} limit ${limit})`), sql` union all `)}) y limit ${limit}`
        : sql`${hits()} limit ${limit}`;
      return Number((await sql<{ n: number }>`select count(*) as n from (${counted}) hits`.execute(db)).rows[0]!.n);
    },
    /**
     * A page of keys, newest first. `few` (all hits were counted): the hits are collected and sorted.
     * Many hits: SQLite reads its index in key order and stops after the page. PostgreSQL cannot tell how
     * dense a phrase's hits are (it estimated 538 of 47,646), and each candidate of a phrase is checked in
     * its text: so it first walks the newest NEWEST_WINDOW × page documents in key order, checking each
     * text directly, which finds the page when hits are common; when they are not, it sorts the GIN
     * candidates year by year, newest year first (search-years.ts), which are then few.
     */
    newest: async (limit: number, offset: number, few = false) => {
      if (!pg) return page(sql`${key} desc`, limit, offset);
      if (few) return page(sql`${key} + 0 desc`, limit, offset);
      const range = inYear(sql`sort_key`);
      const edge = (await sql<{ k: string }>`select sort_key as k from document_search ${range.length ? sql`where ${sql.join(range, sql` and `)}` : sql``}
        order by sort_key desc offset ${(offset + limit) * NEWEST_WINDOW - 1} limit 1`.execute(db)).rows[0];
      if (edge) {
        // Walk the key index: no bitmap scans for this statement (searchDocuments runs in a transaction).
        await sql`set local enable_bitmapscan = off`.execute(db);
        const keys = await page(sql`${key} desc`, limit, offset, [sql`${key} >= ${edge.k}`], true);
        await sql`set local enable_bitmapscan = on`.execute(db);
        if (keys.length === limit) return keys;
      }
      // Year by year, newest first, each year's candidates collected and sorted (its partition alone is read).
      const keys: number[] = [];
      for (const year of await searchYears(db)) {
        if (query.year && year !== query.year) continue;
        keys.push(...await page(sql`${key} + 0 desc`, offset + limit - keys.length, 0, yearRange(key, year)));
        if (keys.length >= offset + limit) break;
      }
      return keys.slice(offset, offset + limit);
    },
    /** A page of keys by relevance (all hits are ranked: call it only when they are few); null without words to rank by. */
    ranked: pg ? (rankTerms.length ? rankedByOccurrence : null) : score && ((limit: number, offset: number) => page(sql`${score}, ${key} desc`, limit, offset)),
  };
}

/** Conditions on a key: published in the (Beijing calendar) year. */
const yearRange = (key: RawBuilder<unknown>, year: number) => [sql`${key} >= ${searchKeyYearStart(year)}`, sql`${key} < ${searchKeyYearStart(year + 1)}`];

type Hit = Awaited<ReturnType<typeof loadHits>>[number];

export async function searchDocuments(db: Kysely<Database>, query: SearchQuery, limits = { count: COUNT_LIMIT, rank: RANK_LIMIT }): Promise<SearchResult<Hit>> {
  if (dialectOf(db) !== 'postgres') return search(db, query, limits);
  // PostgreSQL estimates a phrase of common bigrams to match half the table and then reads every row's
  // tsvector (seconds at a million documents); the GIN index is always the better start for these queries.
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    return search(trx, query, limits);
  });
}

async function search(db: Kysely<Database>, query: SearchQuery, limits: { count: number; rank: number }): Promise<SearchResult<Hit>> {
  const terms = queryTerms(query.q);
  const plan = searchPlan(terms);
  const none = { total: 0, totalCapped: false, rankCapped: false, items: [], terms };
  if (plan.empty) return none;
  const offset = (query.page - 1) * query.pageSize;
  const size = query.pageSize;
  const all = keyQuery(db, plan, query, 'all');
  const counted = await all.count(limits.count + 1);
  const total = Math.min(counted, limits.count);
  const totalCapped = counted > limits.count;
  if (!total || offset >= total) return { ...none, total, totalCapped };

  let keys: number[];
  let rankCapped = false;
  if (query.sort === 'relevance' && all.ranked && counted <= limits.rank) {
    keys = await all.ranked(size, offset);
  } else if (query.sort === 'relevance' && all.ranked) {
    // Too many hits to rank: those with every term in the title come first, then the others, each newest first.
    rankCapped = true;
    const title = keyQuery(db, plan, query, 'title');
    const titled = await title.count(offset + size + 1);
    if (titled > offset + size) keys = await title.newest(size, offset);
    else {
      // All title hits are known (at most offset + size): the others are all hits but these.
      const titleKeys = titled ? await title.newest(titled, 0, true) : [];
      keys = titleKeys.slice(offset, offset + size);
      keys.push(...await keyQuery(db, plan, query, { rest: titleKeys }).newest(size - keys.length, Math.max(0, offset - titled)));
    }
  } else {
    keys = await all.newest(size, offset, !totalCapped);
  }
  return { total, totalCapped, rankCapped, items: await loadHits(db, keys), terms };
}

/** The documents for the keys, in the keys' order. */
async function loadHits(db: Kysely<Database>, keys: number[]) {
  if (!keys.length) return [];
  const ids = keys.map((k) => k % SEARCH_KEY_IDS);
  const rows = await db.selectFrom('document').innerJoin('unit', 'unit.id', 'document.unit_id')
    .selectAll('document').select(['unit.name as unit_name', 'unit.path as unit_path'])
    .where('document.id', 'in', ids)
    .where('document.status', '=', 'published').where('document.disclosure', '=', 'proactive')
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
}
