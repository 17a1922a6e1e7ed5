/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { TABLE2_BLOCKS, TABLE3_COLUMNS, TABLE3_HEADER_NOTE, TABLE3_RESULT_GROUP, TABLE3_ROWS, TABLE4_BLOCKS, TABLE4_RESULTS, type Table2 } from './format.js';
import { table3Layout } from './rules.js';

/**
 * The report's tables as HTML with the official merged cells (server-rendered: the portal, the printable
 * page and the PDF use the same markup). Wide tables scroll inside a focusable region on phones.
 */

/** Cells to flag, as `row:column` (1-based); links to the cases behind a cell, by the same key. */
export interface TableMarks {
  bad?: Set<string>;
  link?: (row: number, column: number) => string | null;
}

function Num({ value, row, column, marks, table }: { value: number; row: number; column: number; marks?: TableMarks | undefined; table: 2 | 3 | 4 }) {
  const key = `${row}:${column}`;
  const bad = marks?.bad?.has(key);
  const href = marks?.link?.(row, column);
  const shown = table === 2 && !Number.isInteger(value) ? value.toFixed(2) : String(value);
  return (
    <td class={bad ? 'num bad' : 'num'}>
      {href && value > 0 ? <a href={href}>{shown}</a> : shown}
      {bad && <span class="sr-only">（不符合勾稽关系）</span>}
    </td>
  );
}

function Scroll({ label, children }: { label: string; children: Child }) {
  return <div class="table-scroll" role="region" aria-label={label} tabindex={0}>{children}</div>;
}

export function Table3View({ table, marks, format = '2021', caption }: { table: number[][]; marks?: TableMarks; format?: '2021' | '2019'; caption?: string }) {
  const L = table3Layout(format);
  const label = (r: number) => (format === '2021' ? TABLE3_ROWS[r - 1]!.label : r === L.carryRow ? TABLE3_ROWS[24]!.label : r === L.totalRow ? TABLE3_ROWS[23]!.label : r === L.outcomeTo ? '（六）其他处理' : TABLE3_ROWS[r - 1]!.label);
  const group = (r: number) => (format === '2021' || r < L.outcomeTo ? TABLE3_ROWS[r - 1]!.group : undefined);
  const groupSpan = (g: string) => Array.from({ length: L.rows }, (_, i) => i + 1).filter((r) => group(r) === g).length;
  const cells = (r: number) => table[r - 1]!.map((v, c) => <Num value={v} row={r} column={c + 1} marks={marks} table={3} />);
  return (
    <Scroll label={caption ?? '收到和处理政府信息公开申请情况'}>
      <table class="report-table">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr><th colspan={3} rowspan={3} scope="colgroup">{TABLE3_HEADER_NOTE}</th><th colspan={7} scope="colgroup">申请人情况</th></tr>
          <tr><th rowspan={2} scope="col">{TABLE3_COLUMNS[0].label}</th><th colspan={5} scope="colgroup">法人或其他组织</th><th rowspan={2} scope="col">{TABLE3_COLUMNS[6].label}</th></tr>
          <tr>{TABLE3_COLUMNS.slice(1, 6).map((c) => <th scope="col">{c.label}</th>)}</tr>
        </thead>
        <tbody>
          {Array.from({ length: L.rows }, (_, i) => i + 1).map((r) => {
            if (r === L.newRow || r === L.carriedRow || r === L.carryRow) return <tr><th colspan={3} scope="row">{label(r)}</th>{cells(r)}</tr>;
            const g = group(r);
            const first = r === L.outcomeFrom;
            const groupHead = g && group(r - 1) !== g ? <th rowspan={groupSpan(g)} scope="rowgroup">{g}</th> : null;
            return (
              <tr>
                {first && <th rowspan={L.totalRow - L.outcomeFrom + 1} scope="rowgroup">{TABLE3_RESULT_GROUP}</th>}
                {groupHead}
                <th colspan={g ? 1 : 2} scope="row">{label(r)}</th>
                {cells(r)}
              </tr>
            );
          })}
        </tbody>
      </table>
    </Scroll>
  );
}

export function Table4View({ table, marks, caption }: { table: number[]; marks?: TableMarks; caption?: string }) {
  return (
    <Scroll label={caption ?? '政府信息公开行政复议、行政诉讼情况'}>
      <table class="report-table">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr><th colspan={5} scope="colgroup">行政复议</th><th colspan={10} scope="colgroup">行政诉讼</th></tr>
          <tr>{TABLE4_RESULTS.map((r) => <th rowspan={2} scope="col">{r.label}</th>)}{TABLE4_BLOCKS.slice(1).map((b) => <th colspan={5} scope="colgroup">{b.label}</th>)}</tr>
          <tr>{TABLE4_BLOCKS.slice(1).flatMap(() => TABLE4_RESULTS.map((r) => <th scope="col">{r.label}</th>))}</tr>
        </thead>
        <tbody><tr>{table.map((v, c) => <Num value={v} row={1} column={c + 1} marks={marks} table={4} />)}</tr></tbody>
      </table>
    </Scroll>
  );
}

export function Table2View({ figures, marks, caption }: { figures: Table2; marks?: TableMarks; caption?: string }) {
  const values: Record<string, number[]> = {
    rule: [figures.rule.issued, figures.rule.repealed, figures.rule.valid],
    normative: [figures.normative.issued, figures.normative.repealed, figures.normative.valid],
    licensing: [figures.licensing], penalty: [figures.penalty], enforcement: [figures.enforcement], fees: [figures.fees],
  };
  let row = 0;
  return (
    <Scroll label={caption ?? '主动公开政府信息情况'}>
      <table class="report-table">
        {caption && <caption>{caption}</caption>}
        {TABLE2_BLOCKS.map((b) => (
          <tbody>
            <tr><th colspan={4} scope="colgroup" class="block">{b.item}</th></tr>
            <tr>{b.columns.map((c, i) => <th scope="col" colspan={b.columns.length === 2 && i === 1 ? 3 : 1}>{c}</th>)}</tr>
            {b.rows.map((r) => {
              row += 1;
              const rowNo = row;
              return (
                <tr>
                  <th scope="row">{r.label}</th>
                  {values[r.key]!.length === 1
                    ? <td class="num" colspan={3}>{values[r.key]![0]! % 1 ? values[r.key]![0]!.toFixed(2) : values[r.key]![0]}</td>
                    : values[r.key]!.map((v, c) => <Num value={v} row={rowNo} column={c + 1} marks={marks} table={2} />)}
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </Scroll>
  );
}
