import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit } from './platform/audit/audit.js';
import { itemColumns } from './modules/catalogues/service.js';
import { catalogueRepository } from './modules/catalogues/repository.js';
import type { CatalogueItemInput } from './modules/catalogues/dto.js';
import { importDocuments } from './modules/documents/import.js';
import type { Database } from './schema.js';

const DEMO = '（本文为演示数据。）';

/** Demo documents, loaded through the real import path (titles and bodies written for the demo). */
const DOCUMENTS = [
  { key: 'gkb-notice', unit: '三明市人民政府办公室', title: '三明市人民政府办公室关于全面推进政务公开标准化规范化工作的通知', docNo: '明政办〔2020〕47号', writtenDate: '2020-07-23', topic: '综合政务', genre: '通知', art20Item: 1, fivePublic: 'decision', disclosureRule: true,
    summary: '部署编制政务公开事项标准目录、规范政府网站和政务新媒体、完善依申请公开办理等工作。',
    body: ['各县（市、区）人民政府，市直各单位：', '为全面推进政务公开标准化规范化工作，现就编制本级政务公开事项标准目录、规范公开专栏、加强政策解读和依申请公开办理等有关事项通知如下。', '一、各县（市、区）和乡镇（街道）编制本级政务公开事项标准目录，逐项明确公开名称、内容、依据、时限、主体、方式、渠道和公开对象。', '二、市政府各部门起草公文时同步明确公开属性。'] },
  { key: 'edu-enrol', unit: '三明市教育局', title: '三明市教育局关于做好2026年义务教育招生入学工作的通知', writtenDate: '2026-03-02', topic: '科技、教育', genre: '通知', art20Item: 11, fivePublic: 'execution', keywords: '义务教育 招生',
    summary: '部署2026年义务教育阶段学校招生入学工作。', body: ['各县（市、区）教育局，市直各学校：', '现就做好2026年义务教育招生入学工作通知如下：坚持免试就近入学，严格执行招生计划，公开招生范围和报名时间。'] },
  { key: 'edu-norm', unit: '三明市教育局', title: '三明市教育局关于印发《三明市中小学校外培训机构管理办法》的通知', docNo: '明教〔2026〕12号', writtenDate: '2026-04-20', topic: '科技、教育', genre: '办法', art20Item: 1, fivePublic: 'decision', keywords: '校外培训 管理办法', normativeKind: 'normative' as const,
    summary: '规范本市中小学校外培训机构的设立、培训行为和监督管理。', body: ['各县（市、区）教育局，各有关单位：', '现将《三明市中小学校外培训机构管理办法》印发给你们，请认真贯彻执行。本办法自印发之日起施行，有效期五年。'] },
  { key: 'edu-range', unit: '三明市教育局', title: '2026年三明市区义务教育学校招生范围公告', writtenDate: '2026-04-01', publishedAt: '2026-05-20T09:00:00+08:00', topic: '科技、教育', genre: '公告', art20Item: 11, fivePublic: 'result', keywords: '招生范围 学区',
    summary: '公布市区各公办小学、初中的招生范围。', body: ['根据免试就近入学原则，现将2026年市区义务教育学校招生范围公告如下。', '各校招生范围以所附划片表为准，适龄儿童少年按户籍和实际居住地在对应学校报名。'] },
  { key: 'fin-budget', unit: '三明市财政局', title: '三明市2026年市级财政预算公开说明', writtenDate: '2026-02-10', topic: '财政、金融、审计', genre: '报告', art20Item: 7, fivePublic: 'result', keywords: '财政预算',
    summary: '说明2026年市级一般公共预算、政府性基金预算和国有资本经营预算安排。', body: ['2026年市级一般公共预算收入安排情况、支出安排情况及“三公”经费预算说明如下。'] },
  { key: 'stats', unit: '三明市统计局', title: '2026年1—9月三明市主要经济指标', writtenDate: '2026-10-20', topic: '国民经济管理、国有资产监管', genre: '其他', art20Item: 4, fivePublic: 'result', keywords: '统计 经济指标',
    summary: '发布前三季度地区生产总值、固定资产投资等主要指标。', body: ['前三季度，全市经济运行总体平稳，主要指标见下表。'] },
  { key: 'food', unit: '三明市市场监督管理局', title: '2026年第三季度食品安全监督抽检结果公告', writtenDate: '2026-10-12', topic: '市场监管、安全生产监管', genre: '公告', art20Item: 13, fivePublic: 'result', keywords: '食品安全 抽检',
    summary: '公布第三季度食品安全监督抽检合格与不合格情况。', body: ['本季度共抽检食品样品若干批次，不合格产品已依法处置，具体情况见附表。'] },
  { key: 'houses', unit: '三元区人民政府', title: '三元区2026年农村危房改造补助对象公示', writtenDate: '2026-06-15', topic: '城乡建设、环境保护', genre: '公告', art20Item: 11, fivePublic: 'result', keywords: '农村危房改造',
    summary: '公示2026年农村危房改造补助对象名单和补助标准，公示期7天。', body: ['经农户申请、村级评议、乡镇审核，现将2026年农村危房改造补助对象予以公示，公示期为7天。'] },
  { key: 'civil', unit: '三明市人力资源和社会保障局', title: '三明市2026年度考试录用公务员拟录用人员公示', writtenDate: '2026-07-28', topic: '劳动、人事、监察', genre: '公告', art20Item: 14, fivePublic: 'result', keywords: '公务员 录用',
    summary: '公示2026年度考试录用公务员拟录用人员名单。', body: ['根据公务员录用有关规定，经笔试、面试、体检和考察，现将拟录用人员予以公示。'] },
  { key: 'housing', unit: '三明市住房和城乡建设局', title: '三明市保障性租赁住房申请指南', writtenDate: '2026-05-06', topic: '城乡建设、环境保护', genre: '其他', art20Item: 5, fivePublic: 'service', keywords: '保障性住房 申请',
    summary: '说明保障性租赁住房的申请条件、所需材料和办理流程。', body: ['申请条件：在本市无自有住房的新市民、青年人等群体。', '办理流程：网上申请、资格审核、公示、配租。'] },
];

const CATALOGUE: Array<CatalogueItemInput & { links: string[] }> = [
  { domainId: 24, level1: '招生入学', level2: '招生政策', content: '义务教育招生入学政策、招生计划', basis: '【法律】《中华人民共和国义务教育法》', timeLimit: '自信息形成或者变更之日起20个工作日内', subject: '三明市教育局', channels: ['政府网站', '两微一端'], audience: 'all', method: 'proactive', levels: ['city'], links: ['edu-enrol'] },
  { domainId: 24, level1: '招生入学', level2: '招生范围', content: '各义务教育学校招生范围（学区划分）', basis: '【法律】《中华人民共和国义务教育法》', timeLimit: '自信息形成或者变更之日起20个工作日内', subject: '三明市教育局', channels: ['政府网站', '社区/企事业单位/村公示栏（电子屏）'], audience: 'all', method: 'proactive', levels: ['city', 'county'], links: ['edu-range'] },
  { domainId: 24, level1: '学生资助', level2: '资助政策', content: '家庭经济困难学生资助政策、申请条件和程序', basis: '【规范性文件】学生资助有关规定', timeLimit: '及时公开', subject: '三明市教育局', channels: ['政府网站'], audience: 'specific', method: 'proactive', levels: ['city'], links: [] },
];

/** Published demo documents and a published catalogue for 三明市教育局 (with one item published late). */
export async function seedDemoContent(db: Kysely<Database>): Promise<{ documents: number }> {
  const lines = DOCUMENTS.map((d, i) => JSON.stringify({
    indexNo: `DEMO/2026-${String(i + 1).padStart(5, '0')}`, unit: d.unit, title: d.title, docNo: d.docNo, writtenDate: d.writtenDate,
    publishedAt: d.publishedAt ?? `${d.writtenDate}T10:00:00+08:00`, topic: d.topic, genre: d.genre, art20Item: d.art20Item, fivePublic: d.fivePublic,
    keywords: d.keywords, summary: d.summary, bodyText: [...d.body, DEMO].join('\n\n'),
  }));
  const report = await importDocuments(db, lines, { actorName: '系统（演示数据）', source: 'demo' });
  if (report.failed.length) throw new Error(`demo documents failed: ${JSON.stringify(report.failed)}`);
  const ids = new Map<string, number>();
  for (const [i, d] of DOCUMENTS.entries()) {
    const row = await db.selectFrom('document').select('id').where('index_no', '=', `DEMO/2026-${String(i + 1).padStart(5, '0')}`).executeTakeFirstOrThrow();
    ids.set(d.key, row.id);
    if (d.disclosureRule) await db.updateTable('document').set({ disclosure_rule: 1 }).where('id', '=', row.id).execute();
    if ('normativeKind' in d) await db.updateTable('document').set({ normative_kind: d.normativeKind }).where('id', '=', row.id).execute();
  }
  const edu = await db.selectFrom('unit').select('id').where('name', '=', '三明市教育局').executeTakeFirstOrThrow();
  await db.transaction().execute(async (trx) => {
    const repo = catalogueRepository(trx);
    const { id } = await repo.insertCatalogue(edu.id, 1, '演示目录');
    const items = CATALOGUE.map(({ links: _l, ...input }, i) => ({ ...itemColumns(input), catalogue_id: id, item_key: randomUUID(), seq: i + 1 }));
    await repo.insertItems(items);
    for (const [i, item] of CATALOGUE.entries()) for (const key of item.links) await repo.setDocumentLinks(ids.get(key)!, [items[i]!.item_key]);
    await repo.setStatus(id, 'published', new Date().toISOString());
    await appendAudit(trx, { actorId: null, actorName: '系统（演示数据）', unitId: edu.id, action: 'catalogue.publish', entityType: 'catalogue', entityId: id, after: { version: 1, items: items.length }, ip: null });
  });
  return { documents: DOCUMENTS.length };
}
