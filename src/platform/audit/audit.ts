import { createHash } from 'node:crypto';
import { sql, type Generated, type Kysely, type Migration } from 'kysely';
import { dialectOf, nowIso } from '../db/database.js';

/**
 * Append-only audit log with an SM3 hash chain: each entry's hash covers its content and the
 * previous entry's hash, so editing or deleting any row breaks every link after it.
 */
export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: number | null;
  actor_name: string;
  unit_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_data: string | null;
  after_data: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

/** One row holding the chain's tip; updating it first serialises concurrent writers on both dialects. */
export interface AuditHeadTable {
  id: Generated<number>;
  seq: number;
  hash: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actorId: number | null;
  actorName: string;
  unitId: number | null;
  action: string;
  entityType: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

const SECRET_KEY = /password|secret|token/i;

/** Drops secrets from before/after snapshots; the log must never hold a password hash or token. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? '[已隐去]' : redactSecrets(v);
    return out;
  }
  return value;
}

type StoredFields = Omit<AuditLogTable, 'hash'>;

/** SM3 over a canonical array of the stored fields (order fixed; JSON text as stored). */
export function hashEntry(row: StoredFields): string {
  const canonical = JSON.stringify([
    row.seq, row.at, row.actor_id, row.actor_name, row.unit_id, row.action, row.entity_type,
    row.entity_id, row.before_data, row.after_data, row.ip, row.prev_hash,
  ]);
  return createHash('sm3').update(canonical, 'utf8').digest('hex');
}

const toJson = (v: unknown) => (v === undefined ? null : JSON.stringify(redactSecrets(v)));

/** Appends one entry. Runs inside the caller's transaction when given one, so the change and its record commit together. */
export async function appendAudit(executor: Kysely<any>, entry: AuditEntry): Promise<number> {
  if (!executor.isTransaction) return executor.transaction().execute((trx) => appendAudit(trx, entry));
  const db = executor as Kysely<AuditTables>;
  const head = await db
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const fields: StoredFields = {
    seq: head.seq,
    at: nowIso(),
    actor_id: entry.actorId,
    actor_name: entry.actorName,
    unit_id: entry.unitId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId === null ? null : String(entry.entityId),
    before_data: toJson(entry.before),
    after_data: toJson(entry.after),
    ip: entry.ip ?? null,
    prev_hash: head.hash,
  };
  const hash = hashEntry(fields);
  await db.insertInto('audit_log').values({ ...fields, hash }).execute();
  await db.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
  return head.seq;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  broken?: { seq: number; reason: string };
}

/** Walks the whole chain in order and reports the first broken link. */
export async function verifyAuditChain(executor: Kysely<any>, onProgress?: (checked: number) => void): Promise<VerifyResult> {
  const db = executor as Kysely<AuditTables>;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  const pageSize = 2000;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute();
    for (const row of rows) {
      const checked = expectedSeq - 1;
      if (row.seq !== expectedSeq) return { ok: false, checked, broken: { seq: expectedSeq, reason: `第 ${expectedSeq} 条记录缺失（可能被删除）` } };
      if (row.prev_hash !== prevHash) return { ok: false, checked, broken: { seq: row.seq, reason: `第 ${row.seq} 条记录的前序哈希与上一条不符` } };
      const { hash, ...fields } = row;
      if (hashEntry(fields) !== hash) return { ok: false, checked, broken: { seq: row.seq, reason: `第 ${row.seq} 条记录内容与其哈希不符（记录被改动）` } };
      prevHash = hash;
      expectedSeq += 1;
    }
    onProgress?.(expectedSeq - 1);
    if (rows.length < pageSize) break;
  }
  const checked = expectedSeq - 1;
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (head && (head.seq !== checked || head.hash !== prevHash)) {
    return { ok: false, checked, broken: { seq: checked + 1, reason: `链尾不符：应有 ${head.seq} 条记录，实有 ${checked} 条（末尾记录可能被删除）` } };
  }
  return { ok: true, checked };
}

/** Schema of the audit log, with triggers that refuse UPDATE and DELETE. */
export const auditMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('audit_log')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'integer')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text')
      .addColumn('before_data', 'text')
      .addColumn('after_data', 'text')
      .addColumn('ip', 'text')
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    for (const col of ['at', 'actor_id', 'unit_id', 'entity_type']) {
      await db.schema.createIndex(`audit_log_${col}_idx`).on('audit_log').column(col).execute();
    }
    await db.schema
      .createTable('audit_head')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.insertInto('audit_head').values({ id: 1, seq: 0, hash: GENESIS_HASH }).execute();
    if (dialectOf(db) === 'postgres') {
      await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
        begin raise exception 'audit_log is append-only'; end $$`.execute(db);
      await sql`create trigger audit_log_no_change before update or delete on audit_log
        for each row execute function audit_log_append_only()`.execute(db);
    } else {
      await sql`create trigger audit_log_no_update before update on audit_log
        begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
      await sql`create trigger audit_log_no_delete before delete on audit_log
        begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    }
  },
};

/** Number of entries in the chain: grows with every change anywhere, so it versions everything derived from the data. */
export async function auditHeadSeq(executor: Kysely<any>): Promise<number> {
  const row = await (executor as Kysely<AuditTables>).selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirst();
  return row?.seq ?? 0;
}
