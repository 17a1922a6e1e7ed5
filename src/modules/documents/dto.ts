import { z } from 'zod';
import { AttachmentDto } from './attachments.js';
import { DISCLOSURES, FIVE_PUBLIC, NORMATIVE_KINDS, STATUSES, VALIDITIES, WITHHOLD_GROUNDS } from './enums.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const FindingDto = z.object({
  kind: z.enum(['id_number', 'mobile', 'bank_card', 'personal_name', 'sensitive_word', 'broken_link', 'missing_field']),
  severity: z.enum(['block', 'warn']),
  field: z.string(),
  offset: z.number(),
  length: z.number(),
  excerpt: z.string(),
  message: z.string(),
  suggestion: z.string().optional(),
});

export const ReviewDto = z.object({ reviewerName: z.string(), decision: z.enum(['approve', 'reject']), note: z.string().nullable(), at: z.string() });

/** Editable metadata of a document (the draft form). */
export const DocumentInput = z.object({
  unitId: z.number().int().positive().describe('发布机构（单位）'),
  title: z.string().trim().min(2).max(200),
  docNo: z.string().trim().max(60).nullish().transform((v) => v || null).describe('文号'),
  writtenDate: date.describe('成文日期'),
  publisher: z.string().trim().max(100).nullish().transform((v) => v || null).describe('发布机构名称（默认为单位名称）'),
  topic: z.string().trim().max(40).nullish().transform((v) => v || null).describe('主题分类'),
  genre: z.string().trim().max(20).nullish().transform((v) => v || null).describe('体裁'),
  normativeKind: z.enum(NORMATIVE_KINDS).nullish().transform((v) => v ?? null).describe('规章或行政规范性文件（计入年度报告表二）'),
  keywords: z.string().trim().max(200).nullish().transform((v) => v || null),
  summary: z.string().trim().max(1000).nullish().transform((v) => v || null).describe('内容概述'),
  validity: z.enum(VALIDITIES).default('valid'),
  validityDate: date.nullish().transform((v) => v || null),
  replacedById: z.number().int().positive().nullish().transform((v) => v ?? null).describe('替代本文件的新文件（失效、废止、修订时）'),
  fivePublic: z.enum(FIVE_PUBLIC).nullish().transform((v) => v ?? null).describe('五公开'),
  art20Item: z.number().int().min(1).max(15).nullish().transform((v) => v ?? null).describe('条例第二十条事项序号 1–15'),
  disclosure: z.enum(DISCLOSURES).describe('公开属性'),
  withholdGround: z.enum(WITHHOLD_GROUNDS).nullish().transform((v) => v ?? null),
  withholdReason: z.string().trim().max(500).nullish().transform((v) => v || null),
  bodyHtml: z.string().max(500_000).optional().describe('正文 HTML（保存时清洗）'),
  bodyText: z.string().max(200_000).optional().describe('正文纯文本（按段落转为 HTML）；与 bodyHtml 二选一'),
  changeNote: z.string().trim().max(200).nullish().transform((v) => v || null),
  disclosureRule: z.boolean().default(false).describe('列入“政府信息公开制度”栏目'),
  catalogueItemKeys: z.array(z.string().min(1).max(64)).max(20).optional().describe('本文件落实的目录事项（事项 itemKey）'),
});
export type DocumentInput = z.infer<typeof DocumentInput>;

export const DocumentDto = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  indexNo: z.string(),
  title: z.string(),
  docNo: z.string().nullable(),
  writtenDate: z.string(),
  publisher: z.string(),
  topic: z.string().nullable(),
  genre: z.string().nullable(),
  normativeKind: z.enum(NORMATIVE_KINDS).nullable(),
  keywords: z.string().nullable(),
  summary: z.string().nullable(),
  validity: z.enum(VALIDITIES),
  validityDate: z.string().nullable(),
  replacedById: z.number().nullable(),
  fivePublic: z.enum(FIVE_PUBLIC).nullable(),
  art20Item: z.number().nullable(),
  disclosure: z.enum(DISCLOSURES),
  withholdGround: z.enum(WITHHOLD_GROUNDS).nullable(),
  withholdReason: z.string().nullable(),
  bodyHtml: z.string(),
  status: z.enum(STATUSES),
  publishAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  authorId: z.number(),
  reviewSteps: z.number(),
  findings: z.array(FindingDto),
  reviews: z.array(ReviewDto),
  withdrawnReason: z.string().nullable(),
  version: z.number(),
  changeNote: z.string().nullable(),
  catalogueItemKeys: z.array(z.string()).optional().describe('落实的目录事项（仅详情返回）'),
  revisionOf: z.number().nullable().describe('修订稿所修订的文件'),
  disclosureRule: z.boolean(),
  attachments: z.array(AttachmentDto).optional().describe('附件（仅详情返回）'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DocumentDto = z.infer<typeof DocumentDto>;
export type FindingDto = z.infer<typeof FindingDto>;

/** What the public sees: no workflow, no findings, no reasons for withholding. */
export const PublicDocumentDto = DocumentDto.pick({
  id: true, unitId: true, unitName: true, indexNo: true, title: true, docNo: true, writtenDate: true, publisher: true, topic: true, genre: true, normativeKind: true,
  keywords: true, summary: true, validity: true, validityDate: true, replacedById: true, fivePublic: true, art20Item: true, bodyHtml: true, publishedAt: true, version: true, changeNote: true,
  attachments: true,
});
export type PublicDocumentDto = z.infer<typeof PublicDocumentDto>;

export const DocumentVersionDto = z.object({ version: z.number(), title: z.string(), changeNote: z.string().nullable(), publishedAt: z.string().nullable(), replacedAt: z.string(), bodyHtml: z.string() });
export type DocumentVersionDto = z.infer<typeof DocumentVersionDto>;
