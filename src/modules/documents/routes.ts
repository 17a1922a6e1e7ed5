import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { beijingDateTime, csvDisposition, toCsv } from '../../platform/http/csv.js';
import { AppError, badRequest, forbidden, notFound } from '../../platform/http/errors.js';
import { authErrors, ErrorDto, IdParams, Pagination } from '../../platform/http/schemas.js';
import { requireActor } from '../accounts/auth-hook.js';
import { scopeOf } from '../accounts/policy.js';
import { addAttachment, AttachmentDto, downloadable, listAttachments, removeAttachment } from './attachments.js';
import { DocumentDto, DocumentInput, DocumentVersionDto, FindingDto, PublicDocumentDto } from './dto.js';
import { DISCLOSURE_LABELS, DISCLOSURES, STATUS_LABELS, STATUSES, VALIDITIES } from './enums.js';
import { documentRepository } from './repository.js';
import { normaliseDocNo } from './rules.js';
import * as documents from './service.js';

const info = (req: { ip: string }) => ({ ip: req.ip });
const tags = ['政府信息（文件）'];

const StaffListQuery = Pagination.extend({
  unitId: z.coerce.number().int().positive().optional(),
  status: z.enum(STATUSES).optional(),
  q: z.string().trim().max(60).optional(),
  sort: z.enum(['updatedAt', 'writtenDate', 'publishedAt', 'title']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
});

const PublicListQuery = Pagination.extend({
  unitId: z.coerce.number().int().positive().optional(),
  art20: z.coerce.number().int().min(1).max(15).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  validity: z.enum(VALIDITIES).optional(),
});

const WordDto = z.object({ id: z.number(), word: z.string(), suggestion: z.string().nullable(), severity: z.enum(['block', 'warn']) });

export function registerDocumentRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const repo = documentRepository(ctx.db);

  const staffList = (req: Parameters<typeof requireActor>[0], query: z.infer<typeof StaffListQuery>) => {
    const scope = scopeOf(requireActor(req), 'document.read');
    if (!scope.length) throw forbidden('您无权查看文件');
    return repo.listForStaff({ ...query, scope });
  };

  app.get('/api/v1/documents', {
    schema: { tags, summary: '文件列表（工作人员）', description: '本人有权查看的单位的全部文件，含草稿和待审核。', querystring: StaffListQuery, response: { 200: z.object({ total: z.number(), items: z.array(DocumentDto) }), ...authErrors } },
  }, async (req) => {
    const { total, items } = await staffList(req, req.query);
    return { total, items: items.map((d) => documents.presentDocument(d)) };
  });

  app.get('/api/v1/documents/export.csv', {
    schema: { tags, summary: '导出文件列表（CSV）', querystring: StaffListQuery.omit({ page: true, pageSize: true }) },
  }, async (req, reply) => {
    const { items } = await staffList(req, { ...req.query, page: 1, pageSize: 100000 });
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', csvDisposition('文件列表'));
    return toCsv(['索引号', '标题', '文号', '发布机构', '成文日期', '发布日期', '公开属性', '状态', '有效性'],
      items.map((d) => [d.index_no, d.title, d.doc_no, d.publisher, d.written_date, beijingDateTime(d.published_at), DISCLOSURE_LABELS[d.disclosure], STATUS_LABELS[d.status], d.validity]));
  });

  app.post('/api/v1/documents', {
    schema: { tags, summary: '起草文件', description: '起草时须确定公开属性；依申请公开、不予公开须选择法定理由并说明。索引号自动生成。', body: DocumentInput, response: { 201: DocumentDto, ...authErrors } },
  }, async (req, reply) => reply.code(201).send(await documents.createDocument(ctx, requireActor(req), req.body, info(req))));

  app.get('/api/v1/documents/:id', {
    schema: { tags, summary: '文件详情（工作人员）', params: IdParams, response: { 200: DocumentDto, ...authErrors } },
  }, async (req) => documents.getDocument(ctx, requireActor(req), req.params.id));

  app.put('/api/v1/documents/:id', {
    schema: { tags, summary: '修改草稿', params: IdParams, body: DocumentInput, response: { 200: DocumentDto, ...authErrors } },
  }, async (req) => documents.updateDocument(ctx, requireActor(req), req.params.id, req.body, info(req)));

  app.get('/api/v1/documents/:id/check', {
    schema: { tags, summary: '发布前检查', description: '个人信息（身份证号、手机号、银行卡号）、错敏词、站内链接、必填信息。', params: IdParams, response: { 200: z.object({ findings: z.array(FindingDto) }), ...authErrors } },
  }, async (req) => ({ findings: await documents.recheck(ctx, requireActor(req), req.params.id) }));

  app.post('/api/v1/documents/:id/submit', {
    schema: { tags, summary: '提交审核', params: IdParams, response: { 200: DocumentDto, ...authErrors } },
  }, async (req) => documents.submitDocument(ctx, requireActor(req), req.params.id, info(req)));

  app.post('/api/v1/documents/:id/approve', {
    schema: { tags, summary: '审核通过', description: '审核人不能是起草人；发布前检查有阻断项时不能通过。', params: IdParams, body: z.object({ note: z.string().trim().max(500).nullish().transform((v) => v || null) }), response: { 200: DocumentDto, ...authErrors } },
  }, async (req) => documents.approveDocument(ctx, requireActor(req), req.params.id, req.body.note, info(req)));

  app.post('/api/v1/documents/:id/reject', {
    schema: { tags, summary: '退回修改', params: IdParams, body: z.object({ note: z.string().trim().min(2).max(500) }), response: { 200: DocumentDto, ...authErrors } },
  }, async (req) => documents.rejectDocument(ctx, requireActor(req), req.params.id, req.body.note, info(req)));

  app.post('/api/v1/documents/:id/publish', {
    schema: { tags, summary: '发布或定时发布', params: IdParams, body: z.object({ publishAt: z.iso.datetime({ offset: true }).nullish().transform((v) => (v ? new Date(v).toISOString() : null)) }), response: { 200: DocumentDto, ...authErrors } },
  }, async (req) => documents.publishDocument(ctx, requireActor(req), req.params.id, req.body.publishAt, info(req)));

  app.post('/api/v1/documents/:id/withdraw', {
    schema: { tags, summary: '撤回', params: IdParams, body: z.object({ reason: z.string().trim().min(2).max(500) }), response: { 200: DocumentDto, ...authErrors } },
  }, async (req) => documents.withdrawDocument(ctx, requireActor(req), req.params.id, req.body.reason, info(req)));

  app.post('/api/v1/documents/:id/revise', {
    schema: { tags, summary: '修订已发布文件', description: '生成修订稿（草稿），经审核发布后替换原文件内容，原内容留在修订历史，修订说明向公众显示。', params: IdParams, body: z.object({ changeNote: z.string().trim().min(2).max(200) }), response: { 200: DocumentDto, ...authErrors } },
  }, async (req) => documents.reviseDocument(ctx, requireActor(req), req.params.id, req.body.changeNote, info(req)));

  app.get('/api/v1/documents/:id/versions', {
    schema: { tags, summary: '修订历史', params: IdParams, response: { 200: z.object({ items: z.array(DocumentVersionDto) }), ...authErrors } },
  }, async (req) => ({ items: await documents.documentVersions(ctx, requireActor(req), req.params.id) }));

  const ReviewRow = z.object({
    id: z.number(), title: z.string(), indexNo: z.string(), disclosure: z.enum(DISCLOSURES), withholdGround: z.string().nullable(), withholdReason: z.string().nullable(),
    writtenDate: z.string(), status: z.enum(STATUSES), reviewed: z.object({ decision: z.enum(['keep', 'open']), note: z.string().nullable(), actorName: z.string(), at: z.string() }).nullable(),
  });
  app.get('/api/v1/units/:id/nonpublic-review', {
    schema: { tags, summary: '不公开信息年度审查清单', description: '列出单位的依申请公开、不予公开文件及本年度审查结论（条例第十八条）。', params: IdParams, querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: z.object({ year: z.number(), items: z.array(ReviewRow) }), ...authErrors } },
  }, async (req) => {
    const year = req.query.year ?? new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    return { year, items: await documents.nonPublicReview(ctx, requireActor(req), req.params.id, year) };
  });

  app.post('/api/v1/documents/:id/reassess', {
    schema: { tags, summary: '审查公开属性', description: 'keep=维持不公开；open=转为主动公开（已发布的文件随即公开）。', params: IdParams, body: z.object({ decision: z.enum(['keep', 'open']), note: z.string().trim().max(500).nullish().transform((v) => v || null) }), response: { 200: DocumentDto, ...authErrors } },
  }, async (req) => documents.reassessDocument(ctx, requireActor(req), req.params.id, req.body.decision, req.body.note, info(req)));

  app.post('/api/v1/documents/:id/attachments', {
    schema: {
      tags, summary: '上传附件', consumes: ['multipart/form-data'],
      description: '表单字段 file；PDF、Word、Excel、图片，按内容识别类型，单个不超过 20 MB。PDF 和 Word 的文字纳入全文检索。',
      params: IdParams, response: { 200: z.object({ items: z.array(AttachmentDto) }), ...authErrors, 413: ErrorDto, 415: ErrorDto },
    },
  }, async (req) => {
    const actor = requireActor(req);
    if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type', '请以 multipart/form-data 上传文件（字段名 file）');
    const file = await req.file();
    if (!file) throw badRequest('file_missing', '没有收到文件');
    const data = await file.toBuffer();
    return { items: await addAttachment(ctx, actor, req.params.id, file.filename, data, info(req)) };
  });

  app.delete('/api/v1/attachments/:id', {
    schema: { tags, summary: '删除附件', params: IdParams, response: { 200: z.object({ items: z.array(AttachmentDto) }), ...authErrors } },
  }, async (req) => ({ items: await removeAttachment(ctx, requireActor(req), req.params.id, info(req)) }));

  app.get('/files/:id/*', { schema: { hide: true, params: z.object({ id: z.coerce.number().int().positive().catch(0), '*': z.string() }) } }, async (req, reply) => {
    const att = req.params.id ? await downloadable(ctx, req.actor, req.params.id) : null;
    if (!att || !ctx.files.exists(att.sha256)) throw notFound('附件');
    const inline = att.kind === 'pdf' || ['png', 'jpeg', 'gif'].includes(att.kind);
    return reply
      .header('content-type', att.mime)
      .header('content-length', att.size)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="file"; filename*=UTF-8''${encodeURIComponent(att.file_name)}`)
      .header('cache-control', att.isPublic ? 'public, max-age=3600' : 'private, no-store')
      .send(ctx.files.stream(att.sha256));
  });

  // Public, read-only.
  app.get('/api/v1/public/documents', {
    schema: { tags, summary: '公开文件列表', description: '已发布的主动公开文件，按发布日期倒序。', querystring: PublicListQuery, response: { 200: z.object({ total: z.number(), items: z.array(PublicDocumentDto) }), 400: ErrorDto } },
  }, async (req) => {
    const { total, items } = await repo.listPublished(req.query);
    return { total, items: items.map(documents.presentPublic) };
  });

  app.get('/api/v1/public/documents/:id', {
    schema: { tags, summary: '公开文件详情', params: IdParams, response: { 200: PublicDocumentDto, 400: ErrorDto, 404: ErrorDto } },
  }, async (req) => {
    const doc = await repo.findById(req.params.id);
    if (!doc || doc.status !== 'published' || doc.disclosure !== 'proactive') throw notFound('文件');
    return { ...documents.presentPublic(doc), attachments: await listAttachments(ctx.db, doc.id) };
  });

  app.get('/api/v1/public/documents/by-doc-no', {
    schema: { tags, summary: '按文号查找', querystring: z.object({ docNo: z.string().trim().min(2).max(60) }), response: { 200: z.object({ items: z.array(PublicDocumentDto) }), 400: ErrorDto } },
  }, async (req) => ({ items: (await repo.findPublishedByDocNo(normaliseDocNo(req.query.docNo))).map(documents.presentPublic) }));

  // 错敏词 list.
  app.get('/api/v1/sensitive-words', {
    schema: { tags, summary: '错敏词库', response: { 200: z.object({ items: z.array(WordDto) }), ...authErrors } },
  }, async (req) => {
    requireActor(req);
    return { items: await repo.sensitiveWords() };
  });

  app.post('/api/v1/sensitive-words', {
    schema: { tags, summary: '新增错敏词', description: '系统管理员和市级政务公开办维护。', body: z.object({ word: z.string().trim().min(2).max(30), suggestion: z.string().trim().max(30).nullish().transform((v) => v || null), severity: z.enum(['block', 'warn']) }), response: { 201: WordDto, ...authErrors } },
  }, async (req, reply) => reply.code(201).send(await documents.addSensitiveWord(ctx, requireActor(req), req.body, info(req))));

  app.delete('/api/v1/sensitive-words/:id', {
    schema: { tags, summary: '删除错敏词', params: IdParams, response: { 204: z.null(), ...authErrors } },
  }, async (req, reply) => {
    await documents.removeSensitiveWord(ctx, requireActor(req), req.params.id, info(req));
    return reply.code(204).send(null);
  });
}
