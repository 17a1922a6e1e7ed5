/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { PageContext } from './layout.js';
import { formatSize, Pager } from './document-pages.js';
import { ColumnLayout } from './pages.js';

export interface LogListView {
  items: Array<{ id: number; title: string; summary: string; outcomeLabel: string; replyDate: string; unitName: string }>;
  total: number;
  page: number;
  pageSize: number;
  filters: { unitId?: number | undefined; year?: number | undefined; sort?: string | undefined };
  units: Array<{ id: number; name: string }>;
  years: number[];
}

const crumbs = [{ href: '/xxgk', label: '政府信息公开' }, { href: '/xxgk/request', label: '依申请公开' }];

/** 依申请公开答复选登: replies that provided information, as the office chose to publish them. */
export function LogListPage({ page, view }: { page: PageContext; view: LogListView }) {
  const f = view.filters;
  const query = new URLSearchParams(Object.entries({ unitId: f.unitId, year: f.year, sort: f.sort }).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();
  const base = `/xxgk/request/log${query ? `?${query}` : ''}`;
  return (
    <ColumnLayout page={page} title="依申请公开答复选登" crumbs={[...crumbs, { label: '答复选登' }]} current="request">
      <h1>依申请公开答复选登</h1>
      <p class="muted">以下是各单位已答复并决定公开的依申请公开事项。申请人的个人信息不予公开。</p>
      <form class="search-form" method="get" action="/xxgk/request/log">
        <label for="log-unit">单位</label>
        <select id="log-unit" name="unitId">
          <option value="">全部单位</option>
          {view.units.map((u) => <option value={String(u.id)} selected={u.id === f.unitId}>{u.name}</option>)}
        </select>
        <label for="log-year">年份</label>
        <select id="log-year" name="year">
          <option value="">全部年份</option>
          {view.years.map((y) => <option value={String(y)} selected={y === f.year}>{y}</option>)}
        </select>
        <label for="log-sort">排序</label>
        <select id="log-sort" name="sort">
          <option value="date_desc" selected={f.sort !== 'date_asc'}>答复日期从新到旧</option>
          <option value="date_asc" selected={f.sort === 'date_asc'}>答复日期从旧到新</option>
        </select>
        <button type="submit">筛选</button>
        <a href={`/xxgk/request/log.csv${query ? `?${query}` : ''}`}>导出 CSV</a>
      </form>
      {view.items.length ? (
        <ul class="doc-list">
          {view.items.map((e) => (
            <li>
              <a href={`/xxgk/request/log/${e.id}`}>{e.title}</a>
              <span class="doc-meta">{e.unitName}　{e.outcomeLabel}　答复日期 <time datetime={e.replyDate}>{e.replyDate}</time></span>
            </li>
          ))}
        </ul>
      ) : <p class="muted">暂无选登的答复。</p>}
      <Pager total={view.total} page={view.page} pageSize={view.pageSize} baseHref={base} />
    </ColumnLayout>
  );
}

export interface LogEntryView {
  title: string;
  summary: string;
  outcomeLabel: string;
  replyDate: string;
  unitName: string;
  files: Array<{ fileName: string; size: number; url: string }>;
}

export function LogEntryPage({ page, entry }: { page: PageContext; entry: LogEntryView }) {
  return (
    <ColumnLayout page={page} title={entry.title} crumbs={[...crumbs, { href: '/xxgk/request/log', label: '答复选登' }, { label: entry.title }]} current="request">
      <h1>{entry.title}</h1>
      <table class="meta">
        <caption class="sr-only">答复信息</caption>
        <tbody>
          <tr><th scope="row">答复机关</th><td>{entry.unitName}</td></tr>
          <tr><th scope="row">答复日期</th><td>{entry.replyDate}</td></tr>
          <tr><th scope="row">办理结果</th><td>{entry.outcomeLabel}</td></tr>
        </tbody>
      </table>
      {entry.summary.split(/\n+/).map((p) => <p>{p}</p>)}
      {entry.files.length > 0 && (
        <section aria-labelledby="log-files">
          <h2 id="log-files">公开的信息</h2>
          <ul>{entry.files.map((f) => <li><a href={f.url} download>{f.fileName}</a>（{formatSize(f.size)}）</li>)}</ul>
        </section>
      )}
    </ColumnLayout>
  );
}
