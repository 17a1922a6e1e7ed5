import type { AppealFact, CaseFact } from '../requests/statistics.js';
import { APPLICANT_TYPES } from '../requests/enums.js';
import { emptyTable3, emptyTable4, TABLE3_TOTAL_COLUMN, TABLE4_BLOCKS, TABLE4_RESULTS, type Table2 } from './format.js';

/** Which cases or documents make up one cell, so that every computed number can be opened. */
export type CellSources = Record<string, number[]>;
export const cellKey = (table: 2 | 3 | 4, row: number, column: number) => `${table}:${row}:${column}`;

function add(sources: CellSources, key: string, id: number) {
  (sources[key] ??= []).push(id);
}

/**
 * Table 3 for a year: R1 = received this year; R2 = received earlier and not replied before this year;
 * R3–R23 = replied this year, by outcome; R24 = their sum; R25 = received by year end and not replied
 * by then. A request is new once (the year of receipt) and has its outcome once (the year of reply), so
 * R1 + R2 = R24 + R25 holds by construction.
 */
export function tallyTable3(cases: CaseFact[], year: number): { table: number[][]; sources: CellSources } {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const table = emptyTable3();
  const sources: CellSources = {};
  const count = (row: number, column: number, id: number) => {
    for (const c of [column, TABLE3_TOTAL_COLUMN]) {
      table[row - 1]![c]! += 1;
      add(sources, cellKey(3, row, c + 1), id);
    }
  };
  for (const c of cases) {
    if (c.receiptDate > end) continue;
    const column = APPLICANT_TYPES.indexOf(c.applicantType);
    const repliedBefore = c.replyDate !== null && c.replyDate < start;
    const repliedThisYear = c.replyDate !== null && c.replyDate >= start && c.replyDate <= end;
    if (c.receiptDate >= start) count(1, column, c.id);
    else if (!repliedBefore) count(2, column, c.id);
    else continue;
    if (repliedThisYear && c.outcomeRow) {
      count(c.outcomeRow, column, c.id);
      count(24, column, c.id);
    } else {
      count(25, column, c.id);
    }
  }
  return { table, sources };
}

/** Table 4: appeals filed this year, by kind and by their result as it stood at year end. */
export function tallyTable4(appeals: AppealFact[], year: number): { table: number[]; sources: CellSources } {
  const end = `${year}-12-31`;
  const table = emptyTable4();
  const sources: CellSources = {};
  for (const a of appeals) {
    if (!a.filedDate.startsWith(`${year}-`)) continue;
    const block = TABLE4_BLOCKS.findIndex((b) => b.key === a.kind);
    const decided = a.result !== 'pending' && (a.resultDate === null || a.resultDate <= end);
    const result = TABLE4_RESULTS.findIndex((r) => r.key === (decided ? a.result : 'pending'));
    for (const col of [block * 5 + result, block * 5 + 4]) {
      table[col]! += 1;
      add(sources, cellKey(4, 1, col + 1), a.requestId);
    }
  }
  return { table, sources };
}

export interface NormativeFact {
  id: number;
  normative_kind: 'rule' | 'normative' | null;
  written_date: string;
  validity: string;
  validity_date: string | null;
}

/**
 * Table 2's first block: 本年制发 (written this year), 本年废止 (repealed or expired this year) and
 * 现行有效 (in force at year end) for 规章 and 行政规范性文件.
 */
export function tallyNormative(docs: NormativeFact[], year: number): { figures: Pick<Table2, 'rule' | 'normative'>; sources: CellSources } {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const figures = { rule: { issued: 0, repealed: 0, valid: 0 }, normative: { issued: 0, repealed: 0, valid: 0 } };
  const sources: CellSources = {};
  for (const d of docs) {
    if (!d.normative_kind || d.written_date > end) continue;
    const f = figures[d.normative_kind];
    const row = d.normative_kind === 'rule' ? 1 : 2;
    const endedBy = d.validity !== 'valid' && d.validity_date ? d.validity_date : d.validity !== 'valid' ? d.written_date : null;
    if (d.written_date >= start) { f.issued += 1; add(sources, cellKey(2, row, 1), d.id); }
    if (['repealed', 'expired'].includes(d.validity) && endedBy && endedBy >= start && endedBy <= end) { f.repealed += 1; add(sources, cellKey(2, row, 2), d.id); }
    if (endedBy === null || endedBy > end) { f.valid += 1; add(sources, cellKey(2, row, 3), d.id); }
  }
  return { figures, sources };
}
