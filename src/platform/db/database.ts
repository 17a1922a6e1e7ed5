import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { CompiledQuery, Kysely, Migrator, PostgresDialect, SqliteDialect, SqliteDriver, sql, type DatabaseConnection, type Driver, type Migration } from 'kysely';
import { join } from 'node:path';

export type DialectName = 'sqlite' | 'postgres';

/** An open database with the Kysely handle and the dialect it speaks. */
export interface DbHandle<DB> {
  db: Kysely<DB>;
  dialect: DialectName;
  /** Human-readable location without credentials, for logs. */
  describe: string;
  /** PostgreSQL schema the tables live in (undefined on SQLite). */
  schema: string | undefined;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** `postgres://…`; absent means SQLite. */
  url?: string | undefined;
  /** SQLite file (default `<dataDir>/gongkai.sqlite`). */
  file?: string;
  dataDir?: string;
  /** PostgreSQL schema to use (created when missing); used by tests for isolation. */
  schema?: string;
}

// pg returns int8 (count(*)) and numeric as strings; our numbers stay well inside 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDatabase<DB>(options: OpenOptions): Promise<DbHandle<DB>> {
  if (options.url && /^postgres(ql)?:\/\//.test(options.url)) {
    const schema = options.schema;
    if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name: ${schema}`);
    if (schema) {
      const admin = new pg.Client({ connectionString: options.url });
      await admin.connect();
      await admin.query(`create schema if not exists ${schema}`);
      await admin.end();
    }
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const u = new URL(options.url);
    return {
      db,
      dialect: 'postgres',
      schema: schema ?? 'public',
      describe: `postgres://${u.host}${u.pathname}${schema ? ` (schema ${schema})` : ''}`,
      close: () => db.destroy(),
    };
  }
  if (options.url) throw new Error('DATABASE_URL must start with postgres:// (leave it empty for the embedded SQLite database)');
  const file = options.file ?? join(options.dataDir ?? 'data', 'gongkai.sqlite');
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // 64 MB page cache (the default 2 MB makes index-heavy writes, such as the search index during an import, disk-bound).
  database.pragma('cache_size = -65536');
  // A bulk transaction (10,000 documents of search index) grows the write-ahead log to hundreds of MB; without
  // a limit the file keeps that size for good. With it, the log is cut back to 64 MB after each checkpoint.
  database.pragma('journal_size_limit = 67108864');
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database }) });
  return { db, dialect: 'sqlite', schema: undefined, describe: `sqlite:${file}`, close: () => db.destroy() };
}

/**
 * Refreshes the query planner's statistics (after a bulk import: without them SQLite picks the date index
 * over the 文号 index, and PostgreSQL scans for rare phrases in key order). SQLite samples at most 1,000
 * rows per index, so this takes well under a second even at a million documents.
 */
export async function refreshStatistics(db: Kysely<any>) {
  if (dialectOf(db) === 'postgres') await sql`analyze`.execute(db);
  else {
    await sql`pragma analysis_limit = 1000`.execute(db);
    await sql`analyze`.execute(db);
  }
}

/**
 * SQLite transactions that take the write lock when they begin (BEGIN IMMEDIATE): a transaction that read
 * first and wrote later could otherwise fail with SQLITE_BUSY when another process wrote in between; this
 * way it waits (busy_timeout) and several server processes can share one database file.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly options: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(options);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.options);
  }
}

/** Which dialect a Kysely instance (or transaction) speaks. */
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter.constructor.name === 'PostgresAdapter' ? 'postgres' : 'sqlite';
}

/** Column definition for an auto-increment integer primary key on either dialect. */
export function idColumnType(db: Kysely<any>) {
  return sql.raw(dialectOf(db) === 'postgres' ? 'integer generated by default as identity primary key' : 'integer primary key autoincrement');
}

let progressLog: ((message: string) => void) | undefined;
let progressAt = 0;
/**
 * Long migrations say how far they are (`npm run migrate` and `npm start` print it). Messages marked
 * `often` are printed at most every 5 seconds.
 */
export function migrationProgress(message: string, often = false) {
  if (often && Date.now() - progressAt < 5000) return;
  progressAt = Date.now();
  progressLog?.(message);
}

/**
 * Runs all migrations in name order; throws with the failing migration's name. On PostgreSQL the
 * bookkeeping tables are looked up in our own schema (Kysely otherwise finds another schema's).
 */
export async function migrate(db: Kysely<any>, migrations: Record<string, Migration>, schema?: string, log?: (message: string) => void): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) });
  progressLog = log;
  const { error, results } = await migrator.migrateToLatest().finally(() => {
    progressLog = undefined;
  });
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** ISO-8601 timestamp used for every stored time (text on both dialects). */
export const nowIso = () => new Date().toISOString();
