import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit.js';
import { sanitizeBody, textToHtml } from '../../platform/html/sanitize.js';
import type { Database } from '../../schema.js';
import { unitRepository } from '../units/repository.js';
import { htmlToText } from './checks.js';
import { DocumentInput } from './dto.js';
import { documentRepository, type NewDocument } from './repository.js';
import { disclosureProblem, normaliseDocNo } from './rules.js';
import { indexNewDocuments, syncSearchIndex } from './search.js';

/**
 * One line of an import file (JSON Lines): a document already published on an old site. The unit is named
 * by `unitId`, `unitCode` (division or credit code) or `unit` (full name). `indexNo` is the key: importing
 * the same line again changes nothing; a changed line updates the document.
 */
export const ImportLine = DocumentInput.omit({ unitId: true, changeNote: true }).extend({
  indexNo: z.string().trim().min(3).max(80),
  unitId: z.number().int().positive().optional(),
  unitCode: z.string().trim().max(18).optional(),
  unit: z.string().trim().max(100).optional(),
  publishedAt: z.iso.datetime({ offset: true }).optional().describe('发布日期时间；缺省为成文日期'),
  disclosure: DocumentInput.shape.disclosure.default('proactive'),
});
export type ImportLine = z.infer<typeof ImportLine>;

export interface ImportReport {
  lines: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: Array<{ line: number; indexNo?: string | undefined; error: string }>;
}

const BATCH = 500;

/** The fields that decide whether a stored document already equals the line. */
const fingerprint = (d: Pick<NewDocument, 'title' | 'doc_no' | 'written_date' | 'publisher' | 'topic' | 'genre' | 'keywords' | 'summary' | 'validity' | 'validity_date' | 'five_public' | 'art20_item' | 'disclosure' | 'withhold_ground' | 'withhold_reason' | 'body_html' | 'published_at' | 'unit_id'> & { normative_kind?: string | null | undefined }) =>
  createHash('sha256').update(JSON.stringify([d.unit_id, d.title, d.doc_no, d.written_date, d.publisher, d.topic, d.genre, d.keywords, d.summary, d.validity, d.validity_date, d.five_public, d.art20_item, d.disclosure, d.withhold_ground, d.withhold_reason, d.body_html, d.published_at, d.normative_kind ?? null])).digest('hex');

/** Imports documents line by line; bad lines are reported and skipped, never stop the run. */
export async function importDocuments(db: Kysely<Database>, lines: AsyncIterable<string> | Iterable<string>, options: { actorName: string; source: string; onProgress?: (r: ImportReport) => void }): Promise<ImportReport> {
  const report: ImportReport = { lines: 0, created: 0, updated: 0, unchanged: 0, failed: [] };
  const units = await unitRepository(db).listAll();
  const byId = new Map(units.map((u) => [u.id, u]));
  const byName = new Map(units.map((u) => [u.name, u]));
  const byCode = new Map<string, (typeof units)[number]>();
  for (const u of units) {
    if (u.division_code) byCode.set(u.division_code, u);
    if (u.credit_code) byCode.set(u.credit_code, u);
  }

  let batch: Array<{ line: number; row: NewDocument }> = [];
  const flush = async () => {
    if (!batch.length) return;
    const work = batch;
    batch = [];
    await db.transaction().execute(async (trx) => {
      const repo = documentRepository(trx);
      const created: string[] = [];
      const updated: string[] = [];
      // One query finds which lines are already stored; new documents go in with one insert and one index write.
      const stored = new Map((await repo.findByIndexNos(work.map((w) => w.row.index_no))).map((d) => [d.index_no, d]));
      const fresh = work.filter((w) => !stored.has(w.row.index_no)).map((w) => w.row);
      const seen = new Set<string>();
      const firstTime = fresh.filter((r) => !seen.has(r.index_no) && seen.add(r.index_no));
      if (firstTime.length) {
        const ids = new Map((await repo.insertMany(firstTime)).map((r) => [r.index_no, r.id]));
        await indexNewDocuments(trx, firstTime.filter((r) => r.status === 'published' && r.disclosure === 'proactive').map((r) => ({ id: ids.get(r.index_no)!, title: r.title, keywords: r.keywords, body_text: r.body_text, published_at: r.published_at })));
        created.push(...firstTime.map((r) => r.index_no));
        for (const r of firstTime) stored.set(r.index_no, { ...r, id: ids.get(r.index_no)! } as never);
      }
      for (const { row } of work) {
        if (firstTime.includes(row)) continue;
        const existing = stored.get(row.index_no)!;
        if (fingerprint(existing) === fingerprint(row)) {
          report.unchanged += 1;
        } else {
          await repo.update(existing.id, { ...row, version: existing.version + 1, change_note: '导入更新' });
          await syncSearchIndex(trx, existing.id);
          updated.push(row.index_no);
        }
      }
      report.created += created.length;
      report.updated += updated.length;
      if (created.length || updated.length) {
        await appendAudit(trx, { actorId: null, actorName: options.actorName, unitId: null, action: 'document.import', entityType: 'document', entityId: null, after: { source: options.source, created, updated }, ip: null });
      }
    });
    options.onProgress?.(report);
  };

  for await (const raw of lines) {
    report.lines += 1;
    const lineNo = report.lines;
    if (!raw.trim()) continue;
    let indexNo: string | undefined;
    try {
      const json: unknown = JSON.parse(raw);
      indexNo = typeof json === 'object' && json && 'indexNo' in json ? String((json as { indexNo: unknown }).indexNo) : undefined;
      const parsed = ImportLine.safeParse(json);
      if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.') || '行'}：${i.message}`).join('；'));
      const d = parsed.data;
      const unit = (d.unitId && byId.get(d.unitId)) || (d.unitCode && byCode.get(d.unitCode)) || (d.unit && byName.get(d.unit));
      if (!unit) throw new Error(`找不到单位（unitId/unitCode/unit）：${d.unitId ?? d.unitCode ?? d.unit ?? '未填写'}`);
      const problem = disclosureProblem(d.disclosure, d.withholdGround, d.withholdReason);
      if (problem) throw new Error(problem);
      if (!d.bodyHtml && !d.bodyText) throw new Error('缺少正文（bodyHtml 或 bodyText）');
      // Plain text becomes escaped paragraphs, already safe; only HTML from the old site needs sanitising.
      const html = d.bodyHtml ? sanitizeBody(d.bodyHtml) : textToHtml(d.bodyText ?? '');
      const publishedAt = new Date(d.publishedAt ?? `${d.writtenDate}T00:00:00+08:00`).toISOString();
      batch.push({
        line: lineNo,
        row: {
          unit_id: unit.id, index_no: d.indexNo, title: d.title, doc_no: d.docNo, doc_no_norm: d.docNo ? normaliseDocNo(d.docNo) : null, written_date: d.writtenDate,
          publisher: d.publisher ?? unit.name, topic: d.topic, genre: d.genre, keywords: d.keywords, summary: d.summary, validity: d.validity, validity_date: d.validityDate,
          replaced_by_id: null, five_public: d.fivePublic, art20_item: d.art20Item, disclosure: d.disclosure,
          withhold_ground: d.disclosure === 'proactive' ? null : d.withholdGround, withhold_reason: d.disclosure === 'proactive' ? null : d.withholdReason,
          body_html: html, body_text: htmlToText(html), status: 'published', publish_at: null, published_at: publishedAt, author_id: 0, review_steps: 0,
          findings: '[]', withdrawn_reason: null, version: 1, change_note: null, normative_kind: d.normativeKind,
        },
      });
    } catch (err) {
      report.failed.push({ line: lineNo, indexNo, error: err instanceof SyntaxError ? '不是有效的 JSON' : err instanceof Error ? err.message : String(err) });
    }
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return report;
}
