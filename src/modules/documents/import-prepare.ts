import { z } from 'zod';
import { sanitizeBody, textToHtml } from '../../platform/html/sanitize.js';
import { htmlToText } from './checks.js';
import { DocumentInput } from './dto.js';
import type { NewDocument } from './repository.js';
import { disclosureProblem, normaliseDocNo } from './rules.js';

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

export interface ImportUnit { id: number; name: string; division_code: string | null; credit_code: string | null }

export type PreparedLine =
  | { line: number; row: NewDocument }
  | { line: number; indexNo?: string | undefined; error: string }
  | { line: number; blank: true };

/** Finds units by id, code or name. */
export function unitFinder(units: ImportUnit[]) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const byName = new Map(units.map((u) => [u.name, u]));
  const byCode = new Map<string, ImportUnit>();
  for (const u of units) {
    if (u.division_code) byCode.set(u.division_code, u);
    if (u.credit_code) byCode.set(u.credit_code, u);
  }
  return (d: Pick<ImportLine, 'unitId' | 'unitCode' | 'unit'>) => (d.unitId && byId.get(d.unitId)) || (d.unitCode && byCode.get(d.unitCode)) || (d.unit && byName.get(d.unit)) || null;
}

/**
 * Turns import lines into document rows, or line errors. Pure (no database), so that it can
 * run in a worker thread while the main thread writes the previous batch.
 */
export function prepareLines(lines: string[], firstLine: number, findUnit: ReturnType<typeof unitFinder>): PreparedLine[] {
  return lines.map((raw, i) => {
    const line = firstLine + i;
    if (!raw.trim()) return { line, blank: true };
    let indexNo: string | undefined;
    try {
      const json: unknown = JSON.parse(raw);
      indexNo = typeof json === 'object' && json && 'indexNo' in json ? String((json as { indexNo: unknown }).indexNo) : undefined;
      const parsed = ImportLine.safeParse(json);
      if (!parsed.success) throw new Error(parsed.error.issues.map((x) => `${x.path.join('.') || '行'}：${x.message}`).join('；'));
      const d = parsed.data;
      const unit = findUnit(d);
      if (!unit) throw new Error(`找不到单位（unitId/unitCode/unit）：${d.unitId ?? d.unitCode ?? d.unit ?? '未填写'}`);
      const problem = disclosureProblem(d.disclosure, d.withholdGround, d.withholdReason);
      if (problem) throw new Error(problem);
      if (!d.bodyHtml && !d.bodyText) throw new Error('缺少正文（bodyHtml 或 bodyText）');
      // Plain text becomes escaped paragraphs, already safe; only HTML from the old site needs sanitising.
      const html = d.bodyHtml ? sanitizeBody(d.bodyHtml) : textToHtml(d.bodyText ?? '');
      const bodyText = htmlToText(html);
      const publishedAt = new Date(d.publishedAt ?? `${d.writtenDate}T00:00:00+08:00`).toISOString();
      const row: NewDocument = {
        unit_id: unit.id, index_no: d.indexNo, title: d.title, doc_no: d.docNo, doc_no_norm: d.docNo ? normaliseDocNo(d.docNo) : null, written_date: d.writtenDate,
        publisher: d.publisher ?? unit.name, topic: d.topic, genre: d.genre, keywords: d.keywords, summary: d.summary, validity: d.validity, validity_date: d.validityDate,
        replaced_by_id: null, five_public: d.fivePublic, art20_item: d.art20Item, disclosure: d.disclosure,
        withhold_ground: d.disclosure === 'proactive' ? null : d.withholdGround, withhold_reason: d.disclosure === 'proactive' ? null : d.withholdReason,
        body_html: html, body_text: bodyText, status: 'published', publish_at: null, published_at: publishedAt, author_id: 0, review_steps: 0,
        findings: '[]', withdrawn_reason: null, version: 1, change_note: null, normative_kind: d.normativeKind,
      };
      return { line, row };
    } catch (err) {
      return { line, indexNo, error: err instanceof SyntaxError ? '不是有效的 JSON' : err instanceof Error ? err.message : String(err) };
    }
  });
}
