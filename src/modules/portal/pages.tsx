/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import type { UnitDto } from '../units/dto.js';
import { KIND_LABELS, LEVEL_LABELS } from '../units/rules.js';
import { Layout, SITE_NAME, type Crumb, type PageContext } from './layout.js';

/** 政府信息公开 sub-columns (国办公开办函〔2019〕61号); content arrives with later modules. */
export const DISCLOSURE_COLUMNS: Array<{ slug: string; title: string; summary: string }> = [
  { slug: 'guide', title: '政府信息公开指南', summary: '公开的信息分类、获取方式和各单位政府信息公开工作机构的联系方式。' },
  { slug: 'rules', title: '政府信息公开制度', summary: '政府信息公开工作的法规和本级制度文件。' },
  { slug: 'statutory', title: '法定主动公开内容', summary: '按《政府信息公开条例》第二十条逐项公开的信息。' },
  { slug: 'reports', title: '政府信息公开年报', summary: '各单位政府信息公开工作年度报告。' },
  { slug: 'request', title: '依申请公开', summary: '向行政机关申请获取政府信息的方式和流程。' },
];

export function HomePage({ page, city, counties, departments }: { page: PageContext; city: UnitDto | undefined; counties: UnitDto[]; departments: UnitDto[] }) {
  return (
    <Layout page={page} title={SITE_NAME}>
      <section class="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{SITE_NAME}政务公开</h1>
        <p>以公开为常态、不公开为例外。在这里查阅{city?.shortName ?? '本市'}各级行政机关主动公开的政府信息，了解依申请公开的途径。</p>
        <form class="search-form" method="get" action="/search" role="search">
          <label class="sr-only" for="home-q">搜索政府信息</label>
          <input type="search" id="home-q" name="q" placeholder="输入标题、正文中的词或文号" />
          <button type="submit">搜索</button>
        </form>
      </section>
      <section aria-labelledby="columns-title">
        <h2 id="columns-title">政府信息公开专栏</h2>
        <ul class="cards">
          {DISCLOSURE_COLUMNS.map((c) => (
            <li class="card"><a href={`/xxgk/${c.slug}`}><strong>{c.title}</strong></a><p>{c.summary}</p></li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="depts-title">
        <h2 id="depts-title">市直部门</h2>
        <UnitLinks units={departments} />
      </section>
      <section aria-labelledby="counties-title">
        <h2 id="counties-title">县（市、区）</h2>
        <UnitLinks units={counties} />
      </section>
    </Layout>
  );
}

export function UnitLinks({ units }: { units: UnitDto[] }) {
  if (!units.length) return <p class="muted">暂无单位。</p>;
  return (
    <ul class="unit-links">
      {units.map((u) => (
        <li><a href={`/xxgk/units/${u.id}`}>{u.shortName ?? u.name}</a></li>
      ))}
    </ul>
  );
}

export function ColumnPage({ page, column }: { page: PageContext; column: (typeof DISCLOSURE_COLUMNS)[number] }) {
  return (
    <ColumnLayout page={page} title={column.title} crumbs={[{ href: '/xxgk', label: '政府信息公开' }, { label: column.title }]} current={column.slug}>
      <h1>{column.title}</h1>
      <p>{column.summary}</p>
      {column.slug === 'request' && (
        <ul class="cards">
          <li class="card"><a href="/request/apply"><strong>网上申请</strong></a><p>填写申请表，提交后获得查询码。</p></li>
          <li class="card"><a href="/request/track"><strong>进度查询</strong></a><p>凭查询码查询办理进度和答复期限。</p></li>
          <li class="card"><a href="/xxgk/request/log"><strong>答复选登</strong></a><p>已答复并决定公开的依申请公开事项及所公开的信息。</p></li>
        </ul>
      )}
      {column.slug === 'request' && (
        <p>答复期限按工作日计算，可使用 <a href="/tools/deadline">工作日期限计算</a> 核对。各单位受理机构及联系方式见 <a href="/xxgk/guide">政府信息公开指南</a>。</p>
      )}
      {column.slug === 'guide' ? (
        <p>各单位的政府信息公开工作机构及联系方式见 <a href="/xxgk/units">机构与公开指南</a>。</p>
      ) : column.slug === 'request' ? null : (
        <p class="notice">本栏目内容正在建设中，信息发布后将在此处列出。</p>
      )}
    </ColumnLayout>
  );
}

/** A page of the 政府信息公开 column: its navigation beside the content. */
export function ColumnLayout(props: { page: PageContext; title: string; crumbs: Crumb[]; current?: string | undefined; feed?: string; articleClass?: string; children: Child }) {
  return (
    <Layout page={props.page} title={props.title} crumbs={props.crumbs} {...(props.feed ? { feed: props.feed } : {})}>
      <div class="with-side">
        <ColumnNav {...(props.current ? { current: props.current } : {})} />
        <article class={props.articleClass}>{props.children}</article>
      </div>
    </Layout>
  );
}

export function ColumnNav({ current }: { current?: string }) {
  return (
    <nav class="side-nav" aria-label="政府信息公开栏目">
      <h2>政府信息公开</h2>
      <ul>
        {DISCLOSURE_COLUMNS.map((c) => (
          <li><a href={`/xxgk/${c.slug}`} aria-current={c.slug === current ? 'page' : undefined}>{c.title}</a></li>
        ))}
        <li><a href="/xxgk/units" aria-current={current === 'units' ? 'page' : undefined}>机构与公开指南</a></li>
      </ul>
    </nav>
  );
}

export function DisclosureIndexPage({ page }: { page: PageContext }) {
  return (
    <ColumnLayout page={page} title="政府信息公开" crumbs={[{ label: '政府信息公开' }]}>
      <h1>政府信息公开</h1>
      <ul class="cards">
        {DISCLOSURE_COLUMNS.map((c) => (
          <li class="card"><a href={`/xxgk/${c.slug}`}><strong>{c.title}</strong></a><p>{c.summary}</p></li>
        ))}
      </ul>
    </ColumnLayout>
  );
}

/** Every unit of the tree, grouped by level, each linking to its page. */
export function UnitDirectoryPage({ page, tree }: { page: PageContext; tree: Array<{ unit: UnitDto; departments: UnitDto[]; governments: UnitDto[] }> }) {
  return (
    <ColumnLayout page={page} title="机构与公开指南" crumbs={[{ href: '/xxgk', label: '政府信息公开' }, { label: '机构与公开指南' }]} current="units">
      <h1>机构与公开指南</h1>
      <p>选择单位，查看其政府信息公开工作机构、办公地址、办公时间和联系方式。</p>
      {tree.map(({ unit, departments, governments }) => (
        <section class="unit-group" aria-labelledby={`g${unit.id}`}>
          <h2 id={`g${unit.id}`}><a href={`/xxgk/units/${unit.id}`}>{unit.name}</a></h2>
          {departments.length > 0 && (<><h3>部门</h3><UnitLinks units={departments} /></>)}
          {governments.length > 0 && (<><h3>下级政府</h3><UnitLinks units={governments} /></>)}
        </section>
      ))}
    </ColumnLayout>
  );
}

/** The disclosure office's contacts, as the unit page and the generated 公开指南 show them. */
export function OfficeTable({ office: o, caption }: { office: UnitDto['office']; caption: string }) {
  const rows: Array<[string, string | null]> = [
    ['机构名称', o.name], ['办公地址', o.address], ['办公时间', o.hours], ['联系电话', o.phone], ['传真', o.fax], ['电子邮箱', o.email], ['邮政编码', o.postcode],
  ];
  return (
    <table class="meta">
      <caption>{caption}</caption>
      <tbody>{rows.map(([k, v]) => <tr><th scope="row">{k}</th><td>{v ?? '暂未提供'}</td></tr>)}</tbody>
    </table>
  );
}


export function UnitPage({ page, unit, ancestors, departments, governments, children }: { page: PageContext; unit: UnitDto; ancestors: UnitDto[]; departments: UnitDto[]; governments: UnitDto[]; children?: Child }) {
  return (
    <ColumnLayout
      page={page}
      title={unit.name}
      feed={`/feeds/units/${unit.id}.atom`}
      crumbs={[{ href: '/xxgk', label: '政府信息公开' }, { href: '/xxgk/units', label: '机构与公开指南' }, ...ancestors.map((a) => ({ href: `/xxgk/units/${a.id}`, label: a.shortName ?? a.name })), { label: unit.shortName ?? unit.name }]} current="units">
      <h1>{unit.name}</h1>
      <p class="muted">{LEVEL_LABELS[unit.level]}{KIND_LABELS[unit.kind]}{unit.divisionCode ? `　行政区划代码 ${unit.divisionCode}` : ''}</p>
      <OfficeTable office={unit.office} caption="政府信息公开工作机构" />
      <p><a href={`/xxgk/units/${unit.id}/guide`}>{unit.shortName ?? unit.name}政府信息公开指南</a>　<a href={`/xxgk/units/${unit.id}/catalogue`}>政务公开事项标准目录</a></p>
      {children}
      <p><a href={`/xxgk/units/${unit.id}/documents.csv`}>下载本单位信息目录（CSV）</a>　<a href={`/feeds/units/${unit.id}.atom`}>订阅（Atom）</a></p>
      {departments.length > 0 && (<section aria-labelledby="sub-depts"><h2 id="sub-depts">所属部门</h2><UnitLinks units={departments} /></section>)}
      {governments.length > 0 && (<section aria-labelledby="sub-govs"><h2 id="sub-govs">下级政府</h2><UnitLinks units={governments} /></section>)}
    </ColumnLayout>
  );
}

export function NotFoundPage({ page, message }: { page: PageContext; message: string }) {
  return (
    <Layout page={page} title="页面不存在">
      <h1>页面不存在</h1>
      <p>{message}</p>
      <p><a href="/">返回首页</a></p>
    </Layout>
  );
}

export function ErrorPage({ page, status, message }: { page: PageContext; status: number; message: string }) {
  return (
    <Layout page={page} title="无法完成请求">
      <h1>无法完成请求（{status}）</h1>
      <p>{message}</p>
      <p><a href={page.path}>返回</a>　<a href="/">返回首页</a></p>
    </Layout>
  );
}
