/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';

export const SITE_NAME = '三明市人民政府';
export const PLATFORM_NAME = '政务公开平台';

export interface PageContext {
  /** Path of the current page, to mark the navigation and to come back after a preference change. */
  path: string;
  elder: boolean;
  csrfToken: string;
}

const NAV: Array<[href: string, label: string]> = [
  ['/', '首页'],
  ['/xxgk', '政府信息公开'],
  ['/xxgk/units', '机构与公开指南'],
  ['/search', '搜索'],
];

export interface Crumb {
  href?: string;
  label: string;
}

/** Page frame of the public site: works without JavaScript, landmarks for screen readers, 适老化 switch. */
export function Layout(props: { page: PageContext; title: string; crumbs?: Crumb[]; feed?: string; children: Child }) {
  const { page } = props;
  const current = NAV.filter(([href]) => href === '/' ? page.path === '/' : page.path === href || page.path.startsWith(`${href}/`)).pop()?.[0];
  return (
    <html lang="zh-CN" class={page.elder ? 'elder' : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title === SITE_NAME ? `${SITE_NAME}${PLATFORM_NAME}` : `${props.title} - ${SITE_NAME}`}</title>
        <link rel="stylesheet" href="/assets/portal.css" />
        <link rel="alternate" type="application/atom+xml" title={`${SITE_NAME} 政府信息公开`} href={props.feed ?? '/feeds/all.atom'} />
      </head>
      <body>
        <a class="skip" href="#main">跳到正文</a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/">
              <span class="brand-name">{SITE_NAME}</span>
              <span class="brand-sub">{PLATFORM_NAME}</span>
            </a>
            {/* A display preference only (no data changes), so a plain GET: pages carry no per-visitor token and can be cached. */}
            <form method="get" action="/preferences/elder" class="elder-toggle">
              <input type="hidden" name="back" value={page.path} />
              <input type="hidden" name="on" value={page.elder ? '0' : '1'} />
              <button type="submit" aria-pressed={page.elder ? 'true' : 'false'}>{page.elder ? '退出关怀版' : '关怀版（大字）'}</button>
            </form>
          </div>
          <nav class="site-nav" aria-label="主导航">
            <ul class="wrap">
              {NAV.map(([href, label]) => (
                <li><a href={href} aria-current={href === current ? 'page' : undefined}>{label}</a></li>
              ))}
            </ul>
          </nav>
        </header>
        {props.crumbs && props.crumbs.length > 0 && (
          <nav class="wrap crumbs" aria-label="当前位置">
            <ol>
              <li><a href="/">首页</a></li>
              {props.crumbs.map((c) => (
                <li>{c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
              ))}
            </ol>
          </nav>
        )}
        <main id="main" class="wrap" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>主办单位：三明市人民政府办公室　　承办单位：三明市政务公开办</p>
            <p>本平台由 Gongkai 开源政务公开平台提供支持。网站标识码、ICP 备案号等在部署时配置。</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** `<!doctype html>` + the rendered page (hono/jsx escapes every text and attribute). */
export const renderPage = (node: Child) => `<!doctype html>${String(node)}`;
