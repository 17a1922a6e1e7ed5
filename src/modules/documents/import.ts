import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/audit.js';
import { refreshStatistics } from '../../platform/db/database.js';
import { startThread } from '../../platform/worker/thread.js';
import type { Database } from '../../schema.js';
import { unitRepository } from '../units/repository.js';
import { prepareLines, unitFinder, type ImportUnit, type PreparedLine } from './import-prepare.js';
import { documentRepository, type NewDocument } from './repository.js';
import { indexPending, queueForIndex, syncSearchIndex } from './search.js';

export { ImportLine } from './import-prepare.js';

export interface ImportReport {
  lines: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: Array<{ line: number; indexNo?: string | undefined; error: string }>;
  /** True once every line is stored and the search index is being built. */
  indexing: boolean;
  /** Documents added to the search index after the lines were stored. */
  indexed: number;
}

/** Lines per batch: one transaction, one lookup, a few multi-row inserts. */
const BATCH = 2000;
/** After this many new or changed documents the planner's statistics are refreshed. */
const STATISTICS_AFTER = 1000;
/** Below this many lines a worker thread costs more than it saves. */
const WORKER_MIN_LINES = 5000;

/** The fields that decide whether a stored document already equals the line. */
const fingerprint = (d: Pick<NewDocument, 'title' | 'doc_no' | 'written_date' | 'publisher' | 'topic' | 'genre' | 'keywords' | 'summary' | 'validity' | 'validity_date' | 'five_public' | 'art20_item' | 'disclosure' | 'withhold_ground' | 'withhold_reason' | 'body_html' | 'published_at' | 'unit_id'> & { normative_kind?: string | null | undefined }) =>
  createHash('sha256').update(JSON.stringify([d.unit_id, d.title, d.doc_no, d.written_date, d.publisher, d.topic, d.genre, d.keywords, d.summary, d.validity, d.validity_date, d.five_public, d.art20_item, d.disclosure, d.withhold_ground, d.withhold_reason, d.body_html, d.published_at, d.normative_kind ?? null])).digest('hex');

/**
 * Prepares batches in a worker thread (parsing, validation, HTML) so that the main thread only writes: the
 * two run side by side on two cores. Falls back to the calling thread for small imports.
 */
function preparer(units: ImportUnit[], useWorker: boolean) {
  if (!useWorker) {
    const findUnit = unitFinder(units);
    return { prepare: async (lines: string[], firstLine: number) => prepareLines(lines, firstLine, findUnit), close: async () => {} };
  }
  const thread = startThread<{ lines: string[]; firstLine: number }, PreparedLine[]>(new URL('./import-worker.ts', import.meta.url), { units });
  return { prepare: (lines: string[], firstLine: number) => thread.call({ lines, firstLine }), close: () => thread.close() };
}

/**
 * Imports documents line by line; bad lines are reported and skipped, never stop the run. New documents
 * are stored first and put in the search index at the end (progress reports `indexed`). `workers`: use a
 * worker thread to prepare lines (default: when there is more than one core and the input is large).
 */
export async function importDocuments(db: Kysely<Database>, lines: AsyncIterable<string> | Iterable<string>, options: { actorName: string; source: string; onProgress?: (r: ImportReport) => void; worker?: boolean }): Promise<ImportReport> {
  const report: ImportReport = { lines: 0, created: 0, updated: 0, unchanged: 0, failed: [], indexing: false, indexed: 0 };
  const units = (await unitRepository(db).listAll()).map((u) => ({ id: u.id, name: u.name, division_code: u.division_code, credit_code: u.credit_code }));

  const write = async (prepared: PreparedLine[]) => {
    const work: Array<{ row: NewDocument }> = [];
    for (const p of prepared) {
      if ('error' in p) report.failed.push({ line: p.line, indexNo: p.indexNo, error: p.error });
      else if ('row' in p) work.push(p);
    }
    if (!work.length) return;
    await db.transaction().execute(async (trx) => {
      const repo = documentRepository(trx);
      const created: string[] = [];
      const updated: string[] = [];
      // One query finds which lines are already stored; new documents go in with a few multi-row inserts and
      // are queued for the index, which is built after the last batch (indexPending), in publication order.
      const stored = new Map((await repo.findByIndexNos(work.map((w) => w.row.index_no))).map((d) => [d.index_no, d]));
      const seen = new Set<string>();
      const firstTime = work.filter((w) => !stored.has(w.row.index_no) && !seen.has(w.row.index_no) && seen.add(w.row.index_no));
      if (firstTime.length) {
        const ids = new Map((await repo.insertMany(firstTime.map((w) => w.row))).map((r) => [r.index_no, r.id]));
        await queueForIndex(trx, firstTime.filter((w) => w.row.disclosure === 'proactive').map((w) => ({ id: ids.get(w.row.index_no)!, published_at: w.row.published_at })));
        created.push(...firstTime.map((w) => w.row.index_no));
        for (const w of firstTime) stored.set(w.row.index_no, { ...w.row, id: ids.get(w.row.index_no)! } as never);
      }
      const fresh = new Set(firstTime);
      for (const w of work) {
        if (fresh.has(w)) continue;
        const existing = stored.get(w.row.index_no)!;
        if (fingerprint(existing) === fingerprint(w.row)) {
          report.unchanged += 1;
        } else {
          await repo.update(existing.id, { ...w.row, version: existing.version + 1, change_note: '导入更新' });
          await syncSearchIndex(trx, existing.id);
          updated.push(w.row.index_no);
        }
      }
      report.created += created.length;
      report.updated += updated.length;
      if (created.length || updated.length) {
        await appendAudit(trx, { actorId: null, actorName: options.actorName, unitId: null, action: 'document.import', entityType: 'document', entityId: null, after: { source: options.source, created, updated }, ip: null });
      }
    });
  };

  // Read ahead one batch so that the worker can prepare it while the previous one is written.
  const iterator = (Symbol.asyncIterator in lines ? lines[Symbol.asyncIterator]() : (lines as Iterable<string>)[Symbol.iterator]()) as AsyncIterator<string> | Iterator<string>;
  let done = false;
  const pull = async (n: number) => {
    const out: string[] = [];
    while (!done && out.length < n) {
      const r = await iterator.next();
      if (r.done) done = true;
      else out.push(r.value);
    }
    return out;
  };
  const first = await pull(WORKER_MIN_LINES);
  const { prepare, close } = preparer(units, options.worker ?? (availableParallelism() > 1 && !done));
  try {
    let pending: Promise<PreparedLine[]> | null = null;
    let buffer = first;
    for (;;) {
      while (buffer.length < BATCH && !done) buffer.push(...await pull(BATCH - buffer.length));
      const chunk = buffer.splice(0, BATCH);
      const job = chunk.length ? prepare(chunk, report.lines + 1) : null;
      report.lines += chunk.length;
      if (pending) {
        await write(await pending);
        options.onProgress?.(report);
      }
      pending = job;
      if (!pending) break;
    }
  } finally {
    await close();
  }
  report.indexing = true;
  options.onProgress?.(report);
  report.indexed = await indexPending(db, (n) => {
    report.indexed = n;
    options.onProgress?.(report);
  }, { bulk: true });
  if (report.created + report.updated >= STATISTICS_AFTER) await refreshStatistics(db);
  return report;
}
