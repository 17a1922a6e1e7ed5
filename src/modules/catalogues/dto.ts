import { z } from 'zod';
import { AUDIENCES, CATALOGUE_STATUSES, LEVELS, METHODS, TIME_LIMIT_KINDS, WATCH_STATES } from './enums.js';

const itemFields = {
  level1: z.string().trim().min(1).max(100).describe('一级事项'),
  level2: z.string().trim().min(1).max(200).describe('二级事项'),
  content: z.string().trim().min(1).max(2000).describe('公开内容（要素）'),
  basis: z.string().trim().min(1).max(4000).describe('公开依据'),
  timeLimit: z.string().trim().min(1).max(200).describe('公开时限，如“自信息形成或者变更之日起20个工作日内”'),
  subject: z.string().trim().min(1).max(200).describe('公开主体'),
  channels: z.array(z.string().trim().min(1).max(60)).min(1).max(20).describe('公开渠道和载体'),
  audience: z.enum(AUDIENCES).describe('公开对象：all=全社会，specific=特定群体'),
  method: z.enum(METHODS).describe('公开方式'),
  levels: z.array(z.enum(LEVELS)).min(1).max(4).describe('公开层级'),
};

export const CatalogueItemInput = z.object({
  domainId: z.number().int().positive().nullish().transform((v) => v ?? null).describe('所属领域'),
  ...itemFields,
});
export type CatalogueItemInput = z.infer<typeof CatalogueItemInput>;

// Response shapes carry no transforms (responses are serialised through them).
export const CatalogueItemDto = z.object({
  ...itemFields,
  domainId: z.number().nullable(),
  id: z.number(),
  itemKey: z.string(),
  seq: z.number(),
  domainName: z.string().nullable(),
  rule: z.object({ kind: z.enum(TIME_LIMIT_KINDS), amount: z.number() }).nullable().describe('从公开时限解析出的规则'),
  ruleText: z.string(),
});
export type CatalogueItemDto = z.infer<typeof CatalogueItemDto>;

export const CatalogueDto = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  version: z.number(),
  status: z.enum(CATALOGUE_STATUSES),
  note: z.string().nullable(),
  publishedAt: z.string().nullable(),
  items: z.array(CatalogueItemDto),
});
export type CatalogueDto = z.infer<typeof CatalogueDto>;

export const CatalogueSummaryDto = CatalogueDto.omit({ items: true }).extend({ itemCount: z.number() });

export const WatchRowDto = z.object({
  itemId: z.number(),
  itemKey: z.string(),
  seq: z.number(),
  level1: z.string(),
  level2: z.string(),
  timeLimit: z.string(),
  ruleText: z.string(),
  state: z.enum(WATCH_STATES),
  document: z.object({ id: z.number(), title: z.string(), writtenDate: z.string(), publishedDate: z.string().nullable(), due: z.string(), daysLate: z.number().optional() }).nullable(),
});
export type WatchRowDto = z.infer<typeof WatchRowDto>;

export const ImportErrorDto = z.object({ row: z.number(), column: z.string().nullable(), message: z.string() });
