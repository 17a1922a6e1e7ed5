/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { raw } from 'hono/html';
import type { PublicDocumentDto } from '../documents/dto.js';
import type { SearchHitDto } from '../documents/search-routes.js';
import { ART20_ITEMS, FIVE_PUBLIC_LABELS, VALIDITY_LABELS } from '../documents/enums.js';
import { Layout, type PageContext } from './layout.js';
import { ColumnLayout } from './pages.js';

export const formatSize = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);
const beijingDate = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10) : '');

/** A list of documents with date and issuing body, paged by links (no script needed). */
export function DocumentList({ items, total, page, pageSize, baseHref }: { items: PublicDocumentDto[]; total: number; page: number; pageSize: number; baseHref: string }) {
  if (!items.length) return <p class="muted">暂无信息。</p>;
  return (
    <>
      <ul class="doc-list">
        {items.map((d) => (
          <li>
            <a href={`/xxgk/documents/${d.id}`}>{d.title}</a>
            <span class="doc-meta">{d.docNo ? `${d.docNo}　` : ''}{d.publisher}　<time datetime={beijingDate(d.publishedAt)}>{beijingDate(d.publishedAt)}</time>{d.validity !== 'valid' ? `　[${VALIDITY_LABELS[d.validity]}]` : ''}</span>
          </li>
        ))}
      </ul>
      <Pager total={total} page={page} pageSize={pageSize} baseHref={baseHref} />
    </>
  );
}

/** Previous/next links for a paged list (shown only when there is more than one page). */
export function Pager({ total, page, pageSize, baseHref }: { total: number; page: number; pageSize: number; baseHref: string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => `${baseHref}${baseHref.includes('?') ? '&' : '?'}page=${p}`;
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label="分页">
      <span>共 {total} 条，第 {page}/{pages} 页</span>
      {page > 1 && <a href={href(page - 1)} rel="prev">上一页</a>}
      {page < pages && <a href={href(page + 1)} rel="next">下一页</a>}
    </nav>
  );
}

export function DocumentPage({ page, doc, related, replacement }: { page: PageContext; doc: PublicDocumentDto; related: PublicDocumentDto[]; replacement: { id: number; title: string } | null }) {
  const art20 = ART20_ITEMS.find((i) => i.no === doc.art20Item);
  const rows: Array<[string, string | null]> = [
    ['索引号', doc.indexNo], ['发布机构', doc.publisher], ['成文日期', doc.writtenDate], ['发布日期', beijingDate(doc.publishedAt)],
    ['文号', doc.docNo], ['主题分类', doc.topic], ['体裁', doc.genre], ['关键词', doc.keywords],
    ['有效性', VALIDITY_LABELS[doc.validity] + (doc.validityDate && doc.validity !== 'valid' ? `（${doc.validityDate}）` : '')],
    ['公开类别', [art20 ? `条例第二十条${art20.label}` : null, doc.fivePublic ? FIVE_PUBLIC_LABELS[doc.fivePublic] : null].filter(Boolean).join('；') || null],
  ];
  return (
    <Layout page={page} title={doc.title} crumbs={[{ href: '/xxgk', label: '政府信息公开' }, { href: `/xxgk/units/${doc.unitId}`, label: doc.unitName }, { label: '正文' }]}>
      <article class="document">
        <table class="meta doc-meta-table">
          <caption>信息属性</caption>
          <tbody>
            {rows.filter(([, v]) => v).map(([k, v]) => <tr><th scope="row">{k}</th><td>{v}</td></tr>)}
          </tbody>
        </table>
        {doc.validity !== 'valid' && (
          <p class="validity-banner" role="note">
            <strong>本文件{VALIDITY_LABELS[doc.validity]}</strong>{doc.validityDate ? `（${doc.validityDate}起）` : ''}，仅供查阅参考。
            {replacement && <>现行文件：<a href={`/xxgk/documents/${replacement.id}`}>{replacement.title}</a></>}
          </p>
        )}
        <h1 class="doc-title">{doc.title}</h1>
        {doc.docNo && <p class="doc-no">{doc.docNo}</p>}
        <div class="doc-body">{raw(doc.bodyHtml)}</div>
        {doc.attachments && doc.attachments.length > 0 && (
          <section aria-labelledby="attachments-title" class="attachments">
            <h2 id="attachments-title">附件</h2>
            <ol>{doc.attachments.map((a) => <li><a href={a.url}>{a.fileName}</a> <span class="muted">（{a.kind.toUpperCase()}，{formatSize(a.size)}）</span></li>)}</ol>
          </section>
        )}
        {doc.version > 1 && doc.changeNote && <p class="muted">修订说明：{doc.changeNote}</p>}
      </article>
      {related.length > 0 && (
        <section aria-labelledby="related-title">
          <h2 id="related-title">相关信息</h2>
          <ul class="doc-list">{related.map((d) => <li><a href={`/xxgk/documents/${d.id}`}>{d.title}</a><span class="doc-meta">{d.publisher}　{beijingDate(d.publishedAt)}</span></li>)}</ul>
        </section>
      )}
    </Layout>
  );
}

export function StatutoryIndexPage({ page, counts, domains }: { page: PageContext; counts: Map<number, number>; domains: Array<{ id: number; name: string; n: number }> }) {
  return (
    <ColumnLayout page={page} title="法定主动公开内容" crumbs={[{ href: '/xxgk', label: '政府信息公开' }, { label: '法定主动公开内容' }]} current="statutory">
      <h1>法定主动公开内容</h1>
      <p>按《中华人民共和国政府信息公开条例》第二十条规定的事项分类。</p>
      <ol class="art20-list">
        {ART20_ITEMS.map((i) => (
          <li><a href={`/xxgk/statutory/${i.no}`}>{i.label}{i.title}</a> <span class="muted">（{counts.get(i.no) ?? 0} 条）</span></li>
        ))}
      </ol>
      <h2 id="domains-title">按基层政务公开领域</h2>
      <ul class="unit-links" aria-labelledby="domains-title">
        {domains.map((d) => <li><a href={`/xxgk/domains/${d.id}`}>{d.name}</a> <span class="muted">（{d.n}）</span></li>)}
      </ul>
    </ColumnLayout>
  );
}

export function StatutoryItemPage({ page, no, list }: { page: PageContext; no: number; list: { items: PublicDocumentDto[]; total: number; page: number; pageSize: number } }) {
  const item = ART20_ITEMS.find((i) => i.no === no)!;
  return (
    <ColumnLayout page={page} title={item.title} crumbs={[{ href: '/xxgk', label: '政府信息公开' }, { href: '/xxgk/statutory', label: '法定主动公开内容' }, { label: item.label }]} current="statutory">
      <h1>{item.label}{item.title}</h1>
      <DocumentList {...list} baseHref={`/xxgk/statutory/${no}`} />
    </ColumnLayout>
  );
}

export interface SearchView {
  q: string;
  sort: 'relevance' | 'date';
  year?: number | undefined;
  validity?: string | undefined;
  unitId?: number | undefined;
  domainId?: number | undefined;
  page: number;
  pageSize: number;
  total: number;
  totalCapped?: boolean;
  rankCapped?: boolean;
  items: SearchHitDto[];
  exact: PublicDocumentDto[];
  error?: string | undefined;
}

/** 站内搜索: a plain GET form, so it works without JavaScript and results can be bookmarked. */
export function SearchPage({ page, view, units, years, domains }: { page: PageContext; view: SearchView; units: Array<{ id: number; name: string }>; years: number[]; domains: Array<{ id: number; name: string }> }) {
  const pages = Math.max(1, Math.ceil(view.total / view.pageSize));
  const params = (p: number) => {
    const u = new URLSearchParams({ q: view.q, sort: view.sort, page: String(p) });
    if (view.year) u.set('year', String(view.year));
    if (view.validity) u.set('validity', view.validity);
    if (view.unitId) u.set('unitId', String(view.unitId));
    if (view.domainId) u.set('domainId', String(view.domainId));
    return `/search?${u.toString()}`;
  };
  return (
    <Layout page={page} title={view.q ? `搜索：${view.q}` : '搜索'} crumbs={[{ label: '搜索' }]}>
      <h1>站内搜索</h1>
      <form class="search-form" method="get" action="/search" role="search">
        <label class="sr-only" for="q">搜索词</label>
        <input type="search" id="q" name="q" value={view.q} placeholder="输入标题、正文中的词或文号" />
        <label class="sr-only" for="unitId">发布机构</label>
        <select id="unitId" name="unitId">
          <option value="">全部机构</option>
          {units.map((u) => <option value={String(u.id)} selected={u.id === view.unitId}>{u.name}</option>)}
        </select>
        <label class="sr-only" for="domainId">领域</label>
        <select id="domainId" name="domainId">
          <option value="">全部领域</option>
          {domains.map((d) => <option value={String(d.id)} selected={d.id === view.domainId}>{d.name}</option>)}
        </select>
        <label class="sr-only" for="year">年份</label>
        <select id="year" name="year">
          <option value="">全部年份</option>
          {years.map((y) => <option value={String(y)} selected={y === view.year}>{y}年</option>)}
        </select>
        <label class="sr-only" for="validity">有效性</label>
        <select id="validity" name="validity">
          <option value="">全部</option>
          {Object.entries(VALIDITY_LABELS).map(([v, l]) => <option value={v} selected={v === view.validity}>{l}</option>)}
        </select>
        <label class="sr-only" for="sort">排序</label>
        <select id="sort" name="sort">
          <option value="relevance" selected={view.sort === 'relevance'}>按相关度</option>
          <option value="date" selected={view.sort === 'date'}>按发布日期</option>
        </select>
        <button type="submit">搜索</button>
      </form>
      {view.error && <p class="notice" role="alert">{view.error}</p>}
      {view.exact.length > 0 && (
        <section aria-labelledby="exact-title">
          <h2 id="exact-title">文号匹配</h2>
          <ul class="doc-list">
            {view.exact.map((d) => <li><a href={`/xxgk/documents/${d.id}`}>{d.title}</a><span class="doc-meta">{d.docNo}　{d.publisher}</span></li>)}
          </ul>
        </section>
      )}
      {view.q && !view.error && (
        <section aria-labelledby="results-title">
          <h2 id="results-title">{view.totalCapped ? `找到超过 ${view.total.toLocaleString('zh-CN')} 条结果` : `找到 ${view.total} 条结果`}</h2>
          {view.totalCapped && <p class="notice">结果较多，可增加检索词或按机构、年份筛选以缩小范围。</p>}
          {view.rankCapped && view.sort === 'relevance' && <p class="doc-meta">结果较多：标题中含有检索词的排在前面，其余按发布日期排列。</p>}
          <ul class="doc-list">
            {view.items.map((d) => (
              <li>
                <a href={`/xxgk/documents/${d.id}`}>{raw(d.titleHtml)}</a>
                <p class="snippet">{raw(d.snippetHtml)}</p>
                <span class="doc-meta">{d.docNo ? `${d.docNo}　` : ''}{d.publisher}　{beijingDate(d.publishedAt)}{d.validity !== 'valid' ? `　[${VALIDITY_LABELS[d.validity]}]` : ''}</span>
              </li>
            ))}
          </ul>
          {pages > 1 && (
            <nav class="pager" aria-label="分页">
              <span>第 {view.page}/{pages} 页</span>
              {view.page > 1 && <a href={params(view.page - 1)} rel="prev">上一页</a>}
              {view.page < pages && <a href={params(view.page + 1)} rel="next">下一页</a>}
            </nav>
          )}
        </section>
      )}
    </Layout>
  );
}

export function DomainPage({ page, domain, list }: { page: PageContext; domain: { id: number; name: string }; list: { items: PublicDocumentDto[]; total: number; page: number; pageSize: number } }) {
  return (
    <ColumnLayout page={page} title={domain.name} crumbs={[{ href: '/xxgk', label: '政府信息公开' }, { href: '/xxgk/statutory', label: '法定主动公开内容' }, { label: domain.name }]} current="statutory">
      <h1>{domain.name}领域政务公开</h1>
      <p class="muted">各单位按标准目录中“{domain.name}”领域事项公开的信息。</p>
      <DocumentList {...list} baseHref={`/xxgk/domains/${domain.id}`} />
    </ColumnLayout>
  );
}

/** 政府信息公开制度: the rules documents units mark for this sub-column. */
export function RulesPage({ page, list }: { page: PageContext; list: { items: PublicDocumentDto[]; total: number; page: number; pageSize: number } }) {
  return (
    <ColumnLayout page={page} title="政府信息公开制度" crumbs={[{ href: '/xxgk', label: '政府信息公开' }, { label: '政府信息公开制度' }]} current="rules">
      <h1>政府信息公开制度</h1>
      <p class="muted">《中华人民共和国政府信息公开条例》及各单位制定的政府信息公开工作制度。</p>
      <DocumentList {...list} baseHref="/xxgk/rules" />
    </ColumnLayout>
  );
}
