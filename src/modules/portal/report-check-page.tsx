/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { CSRF_FIELD } from '../../platform/http/csrf.js';
import { emptyTable3, emptyTable4 } from '../annual-reports/format.js';
import { Table3View, Table4View } from '../annual-reports/render.js';
import type { Violation } from '../annual-reports/rules.js';
import { Layout, type PageContext } from './layout.js';

export interface ReportCheckView {
  format: '2021' | '2019';
  table3Text: string;
  table4Text: string;
  previousText: string;
  /** Set after a check. */
  result?: { table3: number[][]; table4: number[]; violations: Violation[] } | undefined;
  error?: string | undefined;
}

/** 年报勾稽关系检查: anyone pastes the tables of a report (made anywhere) and sees which rule fails where. */
export function ReportCheckPage({ page, view }: { page: PageContext; view: ReportCheckView }) {
  const r = view.result;
  const bad3 = new Set(r?.violations.filter((v) => v.table === 3).map((v) => `${v.row}:${v.column}`));
  const bad4 = new Set(r?.violations.filter((v) => v.table === 4).map((v) => `${v.row}:${v.column}`));
  return (
    <Layout page={page} title="年度报告勾稽关系检查" crumbs={[{ href: '/xxgk/reports', label: '政府信息公开年报' }, { label: '勾稽关系检查' }]}>
      <h1>年度报告勾稽关系检查</h1>
      <p>将政府信息公开工作年度报告的表三、表四从 Word、Excel 或网页中复制粘贴到下面，系统按国家格式检查各项数字是否相符。每行数字之前的文字可以一并粘贴。</p>
      <form method="post" action="/tools/report-check" class="stack-form">
        <input type="hidden" name={CSRF_FIELD} value={page.csrfToken} />
        <div class="field">
          <label for="format">报告格式</label>
          <select id="format" name="format">
            <option value="2021" selected={view.format === '2021'}>2021 年起的格式（表三 25 行）</option>
            <option value="2019" selected={view.format === '2019'}>2019–2020 年试行格式（表三 23 行）</option>
          </select>
        </div>
        <div class="field">
          <label for="table3">表三：收到和处理政府信息公开申请情况（每行 7 个数字）</label>
          <textarea id="table3" name="table3" rows={12} required aria-describedby="table3-hint">{view.table3Text}</textarea>
          <p id="table3-hint" class="muted">从“本年新收”到“结转下年度继续办理”逐行粘贴；列序为自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计。</p>
        </div>
        <div class="field">
          <label for="table4">表四：行政复议、行政诉讼情况（15 个数字）</label>
          <textarea id="table4" name="table4" rows={3} required>{view.table4Text}</textarea>
        </div>
        <div class="field">
          <label for="previous">上年报告“结转下年度继续办理”一行（可选，7 个数字）</label>
          <input id="previous" name="previous" value={view.previousText} />
        </div>
        <button type="submit">检查</button>
      </form>
      {view.error && <p class="notice" role="alert">{view.error}</p>}
      {r && (
        <section aria-labelledby="check-result">
          <h2 id="check-result">{r.violations.length ? `发现 ${r.violations.length} 处不符` : '各项数字相符'}</h2>
          {r.violations.length > 0 && <ol class="violations">{r.violations.map((v) => <li>{v.message}</li>)}</ol>}
          <Table3View table={r.table3} format={view.format} marks={{ bad: bad3 }} caption="表三（按粘贴的数字）" />
          <Table4View table={r.table4} marks={{ bad: bad4 }} caption="表四（按粘贴的数字）" />
        </section>
      )}
      {!r && !view.error && <Table3View table={emptyTable3()} caption="表三的行列顺序" />}
      {!r && !view.error && <Table4View table={emptyTable4()} caption="表四的列顺序" />}
      <p class="muted">也可以通过接口 <code>POST /api/v1/annual-report-check</code> 检查，说明见 <a href="/api/docs">接口文档</a>。</p>
    </Layout>
  );
}
