/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { ReportBody } from '../annual-reports/document.js';
import type { PrintableReport } from '../annual-reports/service.js';
import type { PageContext } from './layout.js';
import { ColumnLayout } from './pages.js';

const crumbs = [{ href: '/xxgk', label: '政府信息公开' }, { href: '/xxgk/reports', label: '政府信息公开年报' }];

export interface ReportListView {
  items: Array<{ id: number; year: number; unitName: string; title: string; publishedAt: string | null }>;
  year?: number | undefined;
  years: number[];
}

/** 政府信息公开年报: published reports by year. */
export function ReportsColumnPage({ page, view }: { page: PageContext; view: ReportListView }) {
  const byYear = new Map<number, ReportListView['items']>();
  for (const r of view.items) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
  return (
    <ColumnLayout page={page} title="政府信息公开年报" crumbs={[crumbs[0]!, { label: '政府信息公开年报' }]} current="reports">
      <h1>政府信息公开年报</h1>
      <p class="muted">各级行政机关政府信息公开工作年度报告。部门于每年 1 月 31 日前、政府于每年 3 月 31 日前公布上一年度报告。</p>
      <form class="search-form" method="get" action="/xxgk/reports">
        <label for="report-year">年度</label>
        <select id="report-year" name="year">
          <option value="">全部年度</option>
          {view.years.map((y) => <option value={String(y)} selected={y === view.year}>{y} 年度</option>)}
        </select>
        <button type="submit">筛选</button>
      </form>
      {view.items.length === 0 && <p class="muted">暂无已发布的年度报告。</p>}
      {[...byYear].map(([year, items]) => (
        <section aria-labelledby={`year-${year}`}>
          <h2 id={`year-${year}`}>{year} 年度</h2>
          <ul class="doc-list">{items.map((r) => <li><a href={`/xxgk/reports/${r.id}`}>{r.title}</a><span class="doc-meta">发布于 {r.publishedAt ? new Date(Date.parse(r.publishedAt) + 8 * 3600_000).toISOString().slice(0, 10) : ''}</span></li>)}</ul>
        </section>
      ))}
      <p>对照国家格式检查任一年度报告的数字：<a href="/tools/report-check">年度报告勾稽关系检查</a>。</p>
    </ColumnLayout>
  );
}

/** One published report: the six sections, printable, with Word and PDF downloads. */
export function ReportPage({ page, report }: { page: PageContext; report: PrintableReport }) {
  return (
    <ColumnLayout page={page} title={report.title} crumbs={[...crumbs, { label: `${report.year} 年度` }]} current="reports" articleClass="report-page">
      <h1>{report.title}</h1>
      <p class="no-print">
        <a href={`/xxgk/reports/${report.id}/report.docx`}>下载 Word 版</a>　<a href={`/xxgk/reports/${report.id}/report.pdf`}>下载 PDF 版</a>
      </p>
      <p class="indent">本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室印发的年度报告格式编制。报告中所列数据的统计期限自 {report.year} 年 1 月 1 日起至 {report.year} 年 12 月 31 日止。</p>
      <ReportBody report={report} />
    </ColumnLayout>
  );
}
