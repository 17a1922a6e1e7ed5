import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf, migrationProgress } from '../../platform/db/database.js';
import { SEARCH_KEY_IDS, searchKeyYearStart } from '../../platform/search/text.js';

/**
 * PostgreSQL keeps the search index (document_search) and, since 0029, the plain texts with their trigram
 * keys (document_search_text) in one partition per publication year (Beijing time), each with its own GIN
 * indexes. A GIN index answers a query only with the complete list of its hits, so
 * one index over a million documents hands a common word's half a million rows to a query that needs
 * twenty. Per year, "newest first" and the capped count read the newest (or first) years' lists and stop
 * as soon as they have enough rows; a year filter reads one year. See docs/decisions/0011.
 * SQLite needs none of this: FTS5 reads its lists in key order and stops by itself.
 */

/**
 * The tables kept in yearly partitions: the index rows, and (since 0029) the plain texts with their
 * trigram keys, so that a phrase's candidates and their texts are read from the same partition.
 */
const PARTITIONED = ['document_search', 'document_search_text'] as const;
type Partitioned = (typeof PARTITIONED)[number];
const partitionName = (table: Partitioned, year: number) => `${table}_y${year}`;

/** The GIN indexes of the partitioned tables (on the whole table; each year's partition has its own). */
export const SEARCH_GIN_INDEXES = ['document_search_tsv_idx', 'document_search_chars_idx', 'document_search_title_idx', 'document_search_text_tri_idx'] as const;

/** The partitions of each table of PARTITIONED, by name (one catalogue query; a table not yet partitioned is absent). */
async function partitions(db: Kysely<any>) {
  const rows = (await sql<{ parent: Partitioned; name: string | null }>`select p.relname as parent, c.relname as name
    from pg_partitioned_table pt join pg_class p on p.oid = pt.partrelid
    left join pg_inherits i on i.inhparent = p.oid left join pg_class c on c.oid = i.inhrelid
    where pt.partrelid in (${sql.join(PARTITIONED.map((table) => sql`to_regclass(${table})`))})`.execute(db)).rows;
  const out = new Map<Partitioned, Set<string>>();
  for (const { parent, name } of rows) {
    const names = out.get(parent) ?? new Set<string>();
    if (name) names.add(name);
    out.set(parent, names);
  }
  return out;
}

/** The years the index has a partition for, newest first. */
export async function searchYears(db: Kysely<any>): Promise<number[]> {
  const names = (await partitions(db)).get('document_search') ?? [];
  return [...names].map((name) => Number(name.slice(name.lastIndexOf('_y') + 2))).sort((a, b) => b - a);
}

/**
 * Adds the partitions missing for these years. A new table is attached (which locks out only other
 * attaches, not searches or index writes) under an advisory lock, so that processes indexing at the same
 * time do not add the same year twice.
 */
export async function ensureSearchYears(db: Kysely<any>, years: Iterable<number>) {
  const wanted = [...new Set(years)];
  const missing = async (d: Kysely<any>) =>
    [...(await partitions(d))].flatMap(([table, have]) => wanted.filter((year) => !have.has(partitionName(table, year))).map((year) => ({ table, year })));
  if (!(await missing(db)).length) return;
  const add = async (trx: Kysely<any>) => {
    await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.document_search'))`.execute(trx);
    for (const { table, year } of await missing(trx)) {
      const part = sql.table(partitionName(table, year));
      await sql`create table ${part} (like ${sql.table(table)} including defaults including storage including compression)`.execute(trx);
      await sql`alter table ${sql.table(table)} attach partition ${part} for values from (${sql.lit(searchKeyYearStart(year))}) to (${sql.lit(searchKeyYearStart(year + 1))})`.execute(trx);
    }
  };
  if (db.isTransaction) await add(db);
  else await db.transaction().execute(add);
}

/** Whether the server compresses with lz4 (built with it); pglz otherwise. */
export async function hasLz4(db: Kysely<any>) {
  return (await sql<{ ok: boolean }>`select exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)) as ok`.execute(db)).rows[0]!.ok;
}

/** Merges the GIN pending lists of every year (entries left there are scanned by every search). */
export async function mergePendingLists(db: Kysely<any>) {
  await sql`select gin_clean_pending_list(i.inhrelid::regclass) from pg_inherits i
    where i.inhparent in (${sql.join(SEARCH_GIN_INDEXES.map((name) => sql`${name}::regclass`))})`.execute(db);
}

/**
 * 0026 (PostgreSQL): document_search becomes partitioned by publication year. The rows are copied into
 * the new partitions before the indexes are built (a GIN build from sorted entries is much faster than
 * inserting into one). Index texts compress with lz4 where the server has it (rechecking a phrase
 * decompresses the candidate's tsvector). The reference to document is dropped: index rows are derived
 * and removed with their document, and the check cost every write a lookup.
 */
export const searchYearsMigration: Migration = {
  async up(db: Kysely<any>) {
    if (dialectOf(db) !== 'postgres') return;
    await sql`alter table document_search rename to document_search_unpartitioned`.execute(db);
    for (const index of ['document_search_tsv_idx', 'document_search_chars_idx', 'document_search_title_idx', 'document_search_key_idx']) await sql`drop index ${sql.ref(index)}`.execute(db);
    await sql`create table document_search (document_id integer not null, sort_key bigint not null, tsv tsvector not null, chars tsvector not null, title tsvector not null) partition by range (sort_key)`.execute(db);
    if (await hasLz4(db)) {
      for (const column of ['tsv', 'chars', 'title']) await sql`alter table document_search alter column ${sql.ref(column)} set compression lz4`.execute(db);
    }
    // The Beijing year of each key, as searchKeyYear computes it.
    const years = (await sql<{ year: number }>`select distinct extract(year from to_timestamp((sort_key / ${sql.lit(SEARCH_KEY_IDS)} + 480) * 60) at time zone 'UTC')::int as year from document_search_unpartitioned`.execute(db)).rows;
    await ensureSearchYears(db, years.map((r) => Number(r.year)));
    migrationProgress('迁移 0026：正在把检索索引按年度分区复制…');
    await sql`insert into document_search (document_id, sort_key, tsv, chars, title) select document_id, sort_key, tsv, chars, title from document_search_unpartitioned`.execute(db);
    migrationProgress('迁移 0026：正在建立各年度的检索索引（百万份约需 20 分钟）…');
    await sql`drop table document_search_unpartitioned`.execute(db);
    await sql`create unique index document_search_key_idx on document_search (sort_key)`.execute(db);
    await sql`create index document_search_document_idx on document_search (document_id)`.execute(db);
    await sql`create index document_search_tsv_idx on document_search using gin (tsv)`.execute(db);
    await sql`create index document_search_chars_idx on document_search using gin (chars)`.execute(db);
    await sql`create index document_search_title_idx on document_search using gin (title)`.execute(db);
  },
};
