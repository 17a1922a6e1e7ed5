/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { CatalogueDto } from '../catalogues/dto.js';
import { AUDIENCE_LABELS, CATALOGUE_STATUS_LABELS, LEVEL_LABELS, METHOD_LABELS } from '../catalogues/enums.js';
import type { UnitDto } from '../units/dto.js';
import type { PageContext } from './layout.js';
import { ColumnLayout } from './pages.js';

export interface CatalogueView {
  catalogue: CatalogueDto | null;
  versions: Array<{ id: number; version: number; status: keyof typeof CATALOGUE_STATUS_LABELS; publishedAt: string | null }>;
  /** Published documents per item key. */
  documents: Map<string, Array<{ id: number; title: string }>>;
}

/** A unit's 政务公开事项标准目录 as a public table, each item linking to the documents that fulfil it. */
export function CataloguePage({ page, unit, view }: { page: PageContext; unit: UnitDto; view: CatalogueView }) {
  const c = view.catalogue;
  return (
    <ColumnLayout page={page} title={`${unit.name}政务公开事项标准目录`} crumbs={[{ href: '/xxgk', label: '政府信息公开' }, { href: `/xxgk/units/${unit.id}`, label: unit.shortName ?? unit.name }, { label: '标准目录' }]} current="statutory">
      <h1>{unit.name}政务公开事项标准目录</h1>
      {!c ? (
        <p class="notice">本单位尚未发布标准目录。</p>
      ) : (
        <>
          <p class="muted">第 {c.version} 版{c.status === 'superseded' ? '（历史版本）' : '（现行）'}{c.publishedAt ? `，${c.publishedAt.slice(0, 10)} 发布` : ''}，共 {c.items.length} 项。<a href={`/api/v1/catalogues/${c.id}/export.xlsx`}>下载表格（xlsx）</a></p>
          <div class="table-scroll" role="region" aria-label="标准目录表" tabindex={0}>
            <table class="catalogue">
              <caption class="sr-only">{unit.name}政务公开事项标准目录</caption>
              <thead>
                <tr>
                  <th scope="col">序号</th><th scope="col">一级事项</th><th scope="col">二级事项</th><th scope="col">公开内容（要素）</th><th scope="col">公开依据</th>
                  <th scope="col">公开时限</th><th scope="col">公开主体</th><th scope="col">公开渠道和载体</th><th scope="col">公开对象</th><th scope="col">公开方式</th>
                  <th scope="col">公开层级</th><th scope="col">已公开信息</th>
                </tr>
              </thead>
              <tbody>
                {c.items.map((i) => (
                  <tr>
                    <td>{i.seq}</td><td>{i.level1}</td><td>{i.level2}</td><td>{i.content}</td><td>{i.basis}</td><td>{i.timeLimit}</td><td>{i.subject}</td>
                    <td>{i.channels.join('、')}</td><td>{AUDIENCE_LABELS[i.audience]}</td><td>{METHOD_LABELS[i.method]}</td><td>{i.levels.map((l) => LEVEL_LABELS[l]).join('、')}</td>
                    <td>{(view.documents.get(i.itemKey) ?? []).map((d) => <a href={`/xxgk/documents/${d.id}`}>{d.title}</a>)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {view.versions.length > 1 && (
        <section aria-labelledby="versions-title">
          <h2 id="versions-title">目录版本</h2>
          <ul>{view.versions.map((v) => <li><a href={`/xxgk/units/${unit.id}/catalogue?version=${v.version}`}>第 {v.version} 版</a>（{CATALOGUE_STATUS_LABELS[v.status]}{v.publishedAt ? `，${v.publishedAt.slice(0, 10)}` : ''}）</li>)}</ul>
        </section>
      )}
    </ColumnLayout>
  );
}
