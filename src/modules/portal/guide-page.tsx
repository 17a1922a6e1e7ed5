/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { ART20_ITEMS } from '../documents/enums.js';
import type { UnitDto } from '../units/dto.js';
import type { PageContext } from './layout.js';
import { ColumnLayout, OfficeTable } from './pages.js';

/**
 * 政府信息公开指南 generated from the unit's own data (条例第十二条): classification and arrangement,
 * how to obtain information, the disclosure office's contacts, and supervision and remedies. It updates
 * itself whenever the unit's contacts change.
 */
export function GuidePage({ page, unit, documentCount }: { page: PageContext; unit: UnitDto; documentCount: number }) {
  return (
    <ColumnLayout page={page} title={`${unit.name}政府信息公开指南`} crumbs={[{ href: '/xxgk', label: '政府信息公开' }, { href: '/xxgk/guide', label: '政府信息公开指南' }, { label: unit.shortName ?? unit.name }]} current="guide" articleClass="guide">
      <h1>{unit.name}政府信息公开指南</h1>
      <p class="muted">本指南依据《中华人民共和国政府信息公开条例》第十二条编制，根据本单位登记的信息自动生成，信息变更时同步更新（最近更新：{unit.updatedAt.slice(0, 10)}）。</p>
      <h2>一、主动公开</h2>
      <h3>（一）公开范围与分类</h3>
      <p>本单位按照条例第二十条规定的事项主动公开政府信息，目前已公开 {documentCount} 条。信息按以下类别编排：</p>
      <ul>{ART20_ITEMS.map((i) => <li><a href={`/xxgk/statutory/${i.no}`}>{i.label}{i.title}</a></li>)}</ul>
      <h3>（二）编排体系</h3>
      <p>每条信息有唯一的索引号，并标明发布机构、成文日期、发布日期、文号、主题分类、体裁和有效性，可按单位、公开事项、年份检索。</p>
      <h3>（三）公开方式与时限</h3>
      <p>主动公开的政府信息通过本平台“政府信息公开”专栏发布，并可通过政府公报、新闻发布会、报刊广播电视以及国家档案馆、公共图书馆、政务服务场所设置的查阅点获取。属于主动公开范围的信息，自该信息形成或者变更之日起 20 个工作日内予以公开。</p>
      <h2>二、依申请公开</h2>
      <p>公民、法人或者其他组织可以向本单位申请获取相关政府信息。申请应当以书面形式（包括数据电文形式）提出，写明申请人的姓名或者名称、身份证明、联系方式，申请公开的政府信息的名称、文号或者便于查询的其他特征性描述，以及获取信息的方式和途径。书面申请可当面提交或者邮寄至下列地址；以邮寄方式提交的，请在信封左下角注明“政府信息公开申请”字样。</p>
      <p>本单位收到申请，能够当场答复的当场答复；不能当场答复的，自收到申请之日起 20 个工作日内答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长期限最长不超过 20 个工作日。工作日如何计算，可使用<a href="/tools/deadline">工作日期限计算</a>核对。</p>
      <h2>三、政府信息公开工作机构</h2>
      <OfficeTable office={unit.office} caption="受理机构及联系方式" />
      <h2>四、监督和救济</h2>
      <p>公民、法人或者其他组织认为本单位在政府信息公开工作中存在违法行为的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报；认为本单位在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。</p>
    </ColumnLayout>
  );
}

export function GuideIndexPage({ page, units }: { page: PageContext; units: UnitDto[] }) {
  return (
    <ColumnLayout page={page} title="政府信息公开指南" crumbs={[{ href: '/xxgk', label: '政府信息公开' }, { label: '政府信息公开指南' }]} current="guide">
      <h1>政府信息公开指南</h1>
      <p>各单位的公开指南根据其登记的信息自动生成。请选择单位：</p>
      <ul class="unit-links">{units.map((u) => <li><a href={`/xxgk/units/${u.id}/guide`}>{u.shortName ?? u.name}</a></li>)}</ul>
    </ColumnLayout>
  );
}
