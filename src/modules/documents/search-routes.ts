import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { highlight, snippet } from '../../platform/search/text.js';
import { ErrorDto, Pagination } from '../../platform/http/schemas.js';
import { PublicDocumentDto } from './dto.js';
import { VALIDITIES } from './enums.js';
import { documentRepository } from './repository.js';
import { normaliseDocNo } from './rules.js';
import { COUNT_LIMIT, RANK_LIMIT, searchDocuments } from './search.js';
import { presentPublic } from './service.js';

export const SearchQuerySchema = Pagination.extend({
  q: z.string().trim().min(1, '请输入搜索词').max(100),
  unitId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  validity: z.enum(VALIDITIES).optional(),
  art20: z.coerce.number().int().min(1).max(15).optional(),
  domainId: z.coerce.number().int().positive().optional().describe('领域（标准目录）'),
  sort: z.enum(['relevance', 'date']).default('relevance'),
});
export type SearchQueryInput = z.infer<typeof SearchQuerySchema>;

export const SearchHitDto = PublicDocumentDto.pick({ id: true, title: true, docNo: true, publisher: true, publishedAt: true, writtenDate: true, validity: true, unitName: true, indexNo: true }).extend({
  titleHtml: z.string().describe('标题，命中词以 <mark> 标出（已转义）'),
  snippetHtml: z.string().describe('正文摘要，命中词以 <mark> 标出（已转义）'),
});
export type SearchHitDto = z.infer<typeof SearchHitDto>;

/** Looks like a 文号 (明政办〔2020〕47号): answer it by exact number first. */
export const looksLikeDocNo = (q: string) => /[〔[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号?$/.test(q.trim());

/** Search shared by the JSON API and the portal page. */
export async function runSearch(ctx: AppContext, query: SearchQueryInput) {
  const exact = looksLikeDocNo(query.q) ? (await documentRepository(ctx.db).findPublishedByDocNo(normaliseDocNo(query.q))).map(presentPublic) : [];
  const { total, totalCapped, rankCapped, items, terms } = await searchDocuments(ctx.db, query);
  const hits: SearchHitDto[] = items.map((d) => ({
    ...presentPublic(d),
    titleHtml: highlight(d.title, terms),
    snippetHtml: snippet(d.body_text, terms),
  }));
  return { total, totalCapped, rankCapped, items: hits, exact };
}

export function registerSearchRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/public/search', {
    schema: {
      tags: ['政府信息（文件）'], summary: '全文检索',
      description: '检索已公开文件的标题、关键词、正文及附件；多个词以空格分隔，须全部出现；英文词和数字按词首匹配。输入文号（如 明政办〔2020〕47号）时另返回文号精确匹配。',
      querystring: SearchQuerySchema,
      response: { 200: z.object({
        total: z.number().describe(`命中数，最多计到 ${COUNT_LIMIT}`),
        totalCapped: z.boolean().describe('命中数超过 total（结果较多，建议增加检索词或筛选）'),
        rankCapped: z.boolean().describe(`命中超过 ${RANK_LIMIT} 条、无法逐条计算相关度时为 true：标题命中的在前，其余按发布日期`),
        items: z.array(SearchHitDto), exact: z.array(PublicDocumentDto) }), 400: ErrorDto },
    },
  }, async (req) => runSearch(ctx, req.query));
}
