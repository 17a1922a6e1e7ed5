/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { FormatVersion, Table2 } from './format.js';
import { anyTable2Grid, table3Grid, table4Grid, type Grid, type GridCell } from './grid.js';

/**
 * The report's tables as HTML with the official merged cells (server-rendered: the portal, the printable
 * page and the PDF use the same markup). Wide tables scroll inside a focusable region on phones.
 */

/** Cells to flag, by `row:column` (1-based); links to what is behind a cell, by the same key. */
export interface TableMarks {
  bad?: Set<string>;
  link?: (key: string) => string | null;
}

function Cell({ cell, marks }: { cell: GridCell; marks?: TableMarks | undefined }) {
  const spans = { ...(cell.colSpan && cell.colSpan > 1 ? { colspan: cell.colSpan } : {}), ...(cell.rowSpan && cell.rowSpan > 1 ? { rowspan: cell.rowSpan } : {}) };
  if (cell.kind === 'num') {
    const bad = cell.key ? marks?.bad?.has(cell.key) : false;
    const href = cell.key && cell.value ? marks?.link?.(cell.key) : null;
    return (
      <td class={bad ? 'num bad' : 'num'} {...spans}>
        {href ? <a href={href}>{cell.text}</a> : cell.text}
        {bad && <span class="sr-only">（不符合勾稽关系）</span>}
      </td>
    );
  }
  const scope = cell.kind === 'rowhead' ? 'row' : cell.kind === 'group' ? (cell.rowSpan ? 'rowgroup' : 'colgroup') : cell.colSpan && cell.colSpan > 1 ? 'colgroup' : 'col';
  return <th {...spans} scope={scope} class={cell.kind === 'group' && !cell.rowSpan ? 'block' : undefined}>{cell.text}</th>;
}

export function GridTable({ grid, marks, label, caption }: { grid: Grid; marks?: TableMarks | undefined; label: string; caption?: string | undefined }) {
  const starts = grid.blocks ?? [0];
  const bodies = starts.map((s, i) => grid.body.slice(s, starts[i + 1] ?? grid.body.length));
  return (
    <div class="table-scroll" role="region" aria-label={label} tabindex={0}>
      <table class="report-table">
        {caption && <caption>{caption}</caption>}
        {grid.head.length > 0 && <thead>{grid.head.map((row) => <tr>{row.map((c) => <Cell cell={c} />)}</tr>)}</thead>}
        {bodies.map((rows) => <tbody>{rows.map((row) => <tr>{row.map((c) => <Cell cell={c} marks={marks} />)}</tr>)}</tbody>)}
      </table>
    </div>
  );
}

export const Table3View = ({ table, marks, format = '2021', caption }: { table: number[][]; marks?: TableMarks; format?: FormatVersion; caption?: string }) =>
  <GridTable grid={table3Grid(table, format)} marks={marks} label={caption ?? '收到和处理政府信息公开申请情况'} caption={caption} />;

export const Table4View = ({ table, marks, caption }: { table: number[]; marks?: TableMarks; caption?: string }) =>
  <GridTable grid={table4Grid(table)} marks={marks} label={caption ?? '政府信息公开行政复议、行政诉讼情况'} caption={caption} />;

export const Table2View = ({ figures, marks, caption }: { figures: Table2 | number[]; marks?: TableMarks; caption?: string }) =>
  <GridTable grid={anyTable2Grid(figures)} marks={marks} label={caption ?? '主动公开政府信息情况'} caption={caption} />;
