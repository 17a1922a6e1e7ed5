/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { docxPackage, paragraph, table, type TableCell } from '../../platform/docx/docx.js';
import { SECTIONS } from './format.js';
import { anyTable2Grid, table3Grid, table4Grid, type Grid } from './grid.js';
import { Table2View, Table3View, Table4View, type TableMarks } from './render.js';
import type { PrintableReport } from './service.js';

/** Narrative text → paragraphs (blank lines or line breaks separate them). */
export const paragraphsOf = (text: string) => text.split(/\n+/).map((p) => p.trim()).filter(Boolean);

/** The whole report in the national order: 一 to 六, texts and tables. */
export function ReportBody({ report, marks }: { report: PrintableReport; marks?: { table2?: TableMarks; table3?: TableMarks; table4?: TableMarks } }) {
  const text = (s: string) => (paragraphsOf(s).length ? paragraphsOf(s).map((p) => <p class="indent">{p}</p>) : <p class="muted">（无）</p>);
  return (
    <div class="report">
      {SECTIONS.map((s) => (
        <section aria-labelledby={`sec-${s.no}`}>
          <h2 id={`sec-${s.no}`}>{s.no}、{s.title}</h2>
          {s.kind === 'text' && text(s.no === '一' ? report.section1 : s.no === '五' ? report.section5 : report.section6)}
          {s.kind === 'table2' && <Table2View figures={report.tables.table2} {...(marks?.table2 ? { marks: marks.table2 } : {})} />}
          {s.kind === 'table3' && <Table3View table={report.tables.table3} format={report.format} {...(marks?.table3 ? { marks: marks.table3 } : {})} />}
          {s.kind === 'table4' && <Table4View table={report.tables.table4} {...(marks?.table4 ? { marks: marks.table4 } : {})} />}
        </section>
      ))}
    </div>
  );
}

/** A standalone printable page (for the PDF): A4, 仿宋 body, tables at 10 pt. */
export function reportHtml(report: PrintableReport): string {
  const css = `@page { size: A4; margin: 25mm 20mm; }
body { font-family: "Noto Serif CJK SC", "SimSun", serif; font-size: 12pt; line-height: 1.7; color: #000; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 18pt; }
h2 { font-size: 14pt; margin: 14pt 0 6pt; }
p.indent { text-indent: 2em; margin: 0; }
.report-table { border-collapse: collapse; width: 100%; font-size: 9.5pt; page-break-inside: avoid; }
.report-table th, .report-table td { border: 1px solid #000; padding: 2pt 3pt; }
.report-table th { font-weight: 400; text-align: center; }
.report-table th[scope="row"] { text-align: left; }
.report-table td { text-align: center; }
.sr-only { display: none; }`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${report.title.replace(/</g, '&lt;')}</title><style>${css}</style></head><body>${String(<><h1>{report.title}</h1><ReportBody report={report} /></>)}</body></html>`;
}

function gridRows(grid: Grid): TableCell[][] {
  return [...grid.head, ...grid.body].map((row) => row.map((c) => ({ text: c.text, colSpan: c.colSpan, rowSpan: c.rowSpan, bold: c.kind === 'head' || c.kind === 'group', align: c.kind === 'rowhead' ? 'left' as const : 'center' as const })));
}

/** The report as a Word document, tables with the same merged cells. */
export async function reportDocx(report: PrintableReport): Promise<Buffer> {
  const parts = [paragraph(report.title, { align: 'center', size: 22, bold: true })];
  for (const s of SECTIONS) {
    parts.push(paragraph(`${s.no}、${s.title}`, { size: 16, bold: true }));
    if (s.kind === 'text') for (const p of paragraphsOf(s.no === '一' ? report.section1 : s.no === '五' ? report.section5 : report.section6)) parts.push(paragraph(p, { indent: true, align: 'both' }));
    if (s.kind === 'table2') parts.push(table(gridRows(anyTable2Grid(report.tables.table2))));
    if (s.kind === 'table3') parts.push(table(gridRows(table3Grid(report.tables.table3, report.format)), 9));
    if (s.kind === 'table4') parts.push(table(gridRows(table4Grid(report.tables.table4)), 9));
  }
  return docxPackage(parts.join(''));
}
