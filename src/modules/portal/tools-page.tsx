/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Layout, type PageContext } from './layout.js';

export interface DeadlineView {
  from: string;
  workdays: number;
  result?: { due: string; explanation: string[] } | undefined;
  error?: string | undefined;
}

/** 工作日期限计算器: the statutory clock explained, for citizens and staff alike (plain GET form). */
export function DeadlinePage({ page, view }: { page: PageContext; view: DeadlineView }) {
  return (
    <Layout page={page} title="工作日期限计算" crumbs={[{ href: '/xxgk', label: '政府信息公开' }, { label: '工作日期限计算' }]}>
      <h1>工作日期限计算</h1>
      <p>依申请公开的答复期限按工作日计算：收到申请之日不计入，自次日起算；法定节假日不计，调休上班的周末计入。例如“20 个工作日内答复”，即起算日之后的第 20 个工作日。</p>
      <form class="search-form" method="get" action="/tools/deadline">
        <label for="from">起算日</label>
        <input type="date" id="from" name="from" value={view.from} required />
        <label for="workdays">工作日数</label>
        <input type="number" id="workdays" name="workdays" min="1" max="200" value={String(view.workdays)} required style="width: 6em; font: inherit; min-height: 44px;" />
        <button type="submit">计算</button>
      </form>
      {view.error && <p class="notice" role="alert">{view.error}</p>}
      {view.result && (
        <section aria-labelledby="result-title">
          <h2 id="result-title">期限届满日：<strong>{view.result.due}</strong></h2>
          <ol>{view.result.explanation.map((l) => <li>{l}</li>)}</ol>
          <p class="muted">按国务院办公厅公布的节假日安排计算。</p>
        </section>
      )}
    </Layout>
  );
}
