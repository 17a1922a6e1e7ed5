import { TABLE2_2019_BLOCKS, TABLE2_BLOCKS, TABLE3_COLUMNS, TABLE3_HEADER_NOTE, TABLE3_RESULT_GROUP, TABLE3_ROWS, TABLE4_BLOCKS, TABLE4_RESULTS, type FormatVersion, type Table2 } from './format.js';
import { table3Layout } from './rules.js';

/**
 * The official tables as grids of cells with their spans: one description of each layout, printed as HTML
 * (render.tsx) and as Word tables (docx.ts).
 */
export interface GridCell {
  text: string;
  kind: 'head' | 'rowhead' | 'group' | 'num';
  colSpan?: number;
  rowSpan?: number;
  /** For numbers: `row:column` (1-based) as the rules and the cell sources name them. */
  key?: string;
  value?: number;
}

export interface Grid {
  head: GridCell[][];
  body: GridCell[][];
  /** Table 2 prints four blocks, each starting a new body. */
  blocks?: number[];
}

const head = (text: string, colSpan = 1, rowSpan = 1): GridCell => ({ text, kind: 'head', colSpan, rowSpan });
const num = (value: number, row: number, column: number, decimals = false): GridCell => ({ text: decimals && !Number.isInteger(value) ? value.toFixed(2) : String(value), kind: 'num', key: `${row}:${column}`, value });

export function table3Grid(table: number[][], format: FormatVersion = '2021'): Grid {
  const L = table3Layout(format);
  const label = (r: number) => (format === '2021' || r < L.outcomeTo ? TABLE3_ROWS[r - 1]!.label : r === L.outcomeTo ? '（六）其他处理' : r === L.totalRow ? TABLE3_ROWS[23]!.label : TABLE3_ROWS[24]!.label);
  const group = (r: number) => (format === '2021' || r < L.outcomeTo ? TABLE3_ROWS[r - 1]!.group : undefined);
  const span = (g: string) => Array.from({ length: L.rows }, (_, i) => i + 1).filter((r) => group(r) === g).length;
  const body: GridCell[][] = [];
  for (let r = 1; r <= L.rows; r++) {
    const cells = table[r - 1]!.map((v, c) => num(v, r, c + 1));
    if (r === L.newRow || r === L.carriedRow || r === L.carryRow) {
      body.push([{ text: label(r), kind: 'rowhead', colSpan: 3 }, ...cells]);
      continue;
    }
    const row: GridCell[] = [];
    if (r === L.outcomeFrom) row.push({ text: TABLE3_RESULT_GROUP, kind: 'group', rowSpan: L.totalRow - L.outcomeFrom + 1 });
    const g = group(r);
    if (g && group(r - 1) !== g) row.push({ text: g, kind: 'group', rowSpan: span(g) });
    row.push({ text: label(r), kind: 'rowhead', colSpan: g ? 1 : 2 }, ...cells);
    body.push(row);
  }
  return {
    head: [
      [head(TABLE3_HEADER_NOTE, 3, 3), head('申请人情况', 7)],
      [head(TABLE3_COLUMNS[0].label, 1, 2), head('法人或其他组织', 5), head(TABLE3_COLUMNS[6].label, 1, 2)],
      TABLE3_COLUMNS.slice(1, 6).map((c) => head(c.label)),
    ],
    body,
  };
}

export function table4Grid(table: number[]): Grid {
  return {
    head: [
      [head('行政复议', 5), head('行政诉讼', 10)],
      [...TABLE4_RESULTS.map((r) => head(r.label, 1, 2)), ...TABLE4_BLOCKS.slice(1).map((b) => head(b.label, 5))],
      TABLE4_BLOCKS.slice(1).flatMap(() => TABLE4_RESULTS.map((r) => head(r.label))),
    ],
    body: [table.map((v, c) => num(v, 1, c + 1))],
  };
}

export function table2Grid(f: Table2): Grid {
  const values: Record<string, number[]> = {
    rule: [f.rule.issued, f.rule.repealed, f.rule.valid], normative: [f.normative.issued, f.normative.repealed, f.normative.valid],
    licensing: [f.licensing], penalty: [f.penalty], enforcement: [f.enforcement], fees: [f.fees],
  };
  const body: GridCell[][] = [];
  const blocks: number[] = [];
  let rowNo = 0;
  for (const b of TABLE2_BLOCKS) {
    blocks.push(body.length);
    body.push([{ ...head(b.item, 4), kind: 'group' }]);
    body.push(b.columns.map((c, i) => head(c, b.columns.length === 2 && i === 1 ? 3 : 1)));
    for (const r of b.rows) {
      rowNo += 1;
      const v = values[r.key]!;
      body.push([{ text: r.label, kind: 'rowhead' }, ...(v.length === 1 ? [{ ...num(v[0]!, rowNo, 1, r.key === 'fees'), colSpan: 3 }] : v.map((x, c) => num(x, rowNo, c + 1)))]);
    }
  }
  return { head: [], body, blocks };
}

/** Table 2 of the 2019 trial layout from its 22 numbers. */
export function table2Grid2019(values: number[]): Grid {
  const body: GridCell[][] = [];
  const blocks: number[] = [];
  let at = 0;
  let rowNo = 0;
  for (const b of TABLE2_2019_BLOCKS) {
    blocks.push(body.length);
    body.push([{ ...head(b.item, 4), kind: 'group' }]);
    const wide = b.columns.length === 3;
    body.push(b.columns.map((c, i) => head(c, wide && i === 2 ? 2 : 1)));
    for (const label of b.rows) {
      rowNo += 1;
      const cells = b.columns.slice(1).map((_, c) => ({ ...num(values[at + c] ?? 0, rowNo, c + 1, true), ...(wide && c === 1 ? { colSpan: 2 } : {}) }));
      at += b.columns.length - 1;
      body.push([{ text: label, kind: 'rowhead' }, ...cells]);
    }
  }
  return { head: [], body, blocks };
}

/** Table 2 in the report's format: the 2021 figures, or the 2019 layout's 22 numbers. */
export const anyTable2Grid = (t: Table2 | number[]) => (Array.isArray(t) ? table2Grid2019(t) : table2Grid(t));
