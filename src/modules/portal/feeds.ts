import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { beijingDateTime, csvDisposition, toCsv } from '../../platform/http/csv.js';
import { ART20_ITEMS, VALIDITY_LABELS } from '../documents/enums.js';
import { documentRepository, type DocumentRow } from '../documents/repository.js';
import { unitRepository } from '../units/repository.js';
import { SITE_NAME } from './layout.js';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Absolute site address as the reader reached it (behind a proxy, TRUST_PROXY makes this right). */
const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

function atom(req: FastifyRequest, reply: FastifyReply, title: string, selfPath: string, docs: Array<DocumentRow & { unit_name: string }>) {
  const base = origin(req);
  const updated = docs[0]?.published_at ?? new Date(0).toISOString();
  const entries = docs.map((d) => `  <entry>
    <id>${base}/xxgk/documents/${d.id}</id>
    <title>${xml(d.title)}</title>
    <link href="${base}/xxgk/documents/${d.id}"/>
    <updated>${d.published_at}</updated>
    <author><name>${xml(d.publisher)}</name></author>
    <summary>${xml(d.summary ?? d.body_text.slice(0, 200))}</summary>
  </entry>`);
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${base}${selfPath}</id>
  <title>${xml(title)}</title>
  <link rel="self" href="${base}${selfPath}"/>
  <link href="${base}/"/>
  <updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
  return reply.header('content-type', 'application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(body);
}

/** Atom feeds (whole site, per unit, per 第二十条 item), sitemap.xml and a unit's list as CSV. */
export function registerFeedRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const docs = documentRepository(ctx.db);
  const units = unitRepository(ctx.db);
  const hide = { hide: true };
  const idParam = z.object({ id: z.coerce.number().int().positive() });
  const latest = async (filter: { unitId?: number; art20?: number }) => (await docs.listPublished({ ...filter, page: 1, pageSize: 50 })).items;

  app.get('/feeds/all.atom', { schema: hide }, async (req, reply) => atom(req, reply, `${SITE_NAME} 政府信息公开`, '/feeds/all.atom', await latest({})));

  app.get('/feeds/units/:id', { schema: { ...hide, params: z.object({ id: z.string().regex(/^\d+\.atom$/) }) } }, async (req, reply) => {
    const id = Number(req.params.id.replace('.atom', ''));
    const unit = await units.findById(id);
    if (!unit) return reply.code(404).send({ code: 'not_found', message: '单位不存在' });
    return atom(req, reply, `${unit.name} 政府信息公开`, `/feeds/units/${id}.atom`, await latest({ unitId: id }));
  });

  app.get('/feeds/statutory/:no', { schema: { ...hide, params: z.object({ no: z.string().regex(/^\d+\.atom$/) }) } }, async (req, reply) => {
    const no = Number(req.params.no.replace('.atom', ''));
    const item = ART20_ITEMS.find((i) => i.no === no);
    if (!item) return reply.code(404).send({ code: 'not_found', message: '没有这个公开事项' });
    return atom(req, reply, `法定主动公开内容 ${item.label}${item.title}`, `/feeds/statutory/${no}.atom`, await latest({ art20: no }));
  });

  app.get('/sitemap.xml', { schema: hide }, async (req, reply) => {
    const base = origin(req);
    const fixed = ['/', '/xxgk', '/xxgk/units', '/xxgk/guide', '/xxgk/rules', '/xxgk/statutory', '/xxgk/reports', '/xxgk/request', ...ART20_ITEMS.map((i) => `/xxgk/statutory/${i.no}`)];
    const unitPaths = (await units.listAll()).map((u) => `/xxgk/units/${u.id}`);
    const published = await ctx.db.selectFrom('document').select(['id', 'published_at']).where('status', '=', 'published').where('disclosure', '=', 'proactive').orderBy('published_at', 'desc').limit(45000).execute();
    const urls = [
      ...[...fixed, ...unitPaths].map((p) => `  <url><loc>${base}${p}</loc></url>`),
      ...published.map((d) => `  <url><loc>${base}/xxgk/documents/${d.id}</loc><lastmod>${d.published_at!.slice(0, 10)}</lastmod></url>`),
    ];
    return reply.header('content-type', 'application/xml; charset=utf-8').send(`<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`);
  });

  app.get('/xxgk/units/:id/documents.csv', { schema: { ...hide, params: idParam } }, async (req, reply) => {
    const unit = await units.findById(req.params.id);
    if (!unit) return reply.code(404).send({ code: 'not_found', message: '单位不存在' });
    const { items } = await docs.listPublished({ unitId: unit.id, page: 1, pageSize: 100000 });
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', csvDisposition(`${unit.name}-政府信息目录`));
    return toCsv(['索引号', '标题', '文号', '发布机构', '成文日期', '发布日期', '主题分类', '有效性', '网址'],
      items.map((d) => [d.index_no, d.title, d.doc_no, d.publisher, d.written_date, beijingDateTime(d.published_at).slice(0, 10), d.topic, VALIDITY_LABELS[d.validity], `${origin(req)}/xxgk/documents/${d.id}`]));
  });
}
