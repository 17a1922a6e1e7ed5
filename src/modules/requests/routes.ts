import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { challengeProblem, createChallenge } from '../../platform/http/challenge.js';
import { AppError } from '../../platform/http/errors.js';
import { authErrors, ErrorDto, IdParams, Pagination } from '../../platform/http/schemas.js';
import { requireActor } from '../accounts/auth-hook.js';
import { ApplicationSchema, ConsultBody, ConsultEndBody, DateBody, ExtendBody, RegistrationSchema, RequestDetail, RequestListItem, SupplementBody, TrackingDto } from './dto.js';
import { APPLICANT_TYPE_LABELS, CHANNEL_LABELS, REQUEST_STATUSES } from './enums.js';
import { csvDisposition, toCsv } from '../../platform/http/csv.js';
import * as requests from './service.js';
import * as replies from './replies.js';
import { OUTCOME_CODES } from './outcomes.js';
import * as appeals from './appeals.js';
import * as files from './files.js';
import { APPEAL_KINDS, APPEAL_RESULTS } from './appeals.js';
import * as templates from './templates.js';
import * as disclosureLog from './disclosure-log.js';

const tags = ['依申请公开'];
const info = (req: { ip: string }) => ({ ip: req.ip });

export function registerRequestRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const secret = ctx.config.sessionSecret;

  app.get('/api/v1/public/requests/challenge', {
    schema: { tags, summary: '申请前的人机验证题', description: '返回验证题和签名令牌；提交申请时带回 token 和答案 answer。', response: { 200: z.object({ token: z.string(), question: z.string() }) } },
  }, async () => createChallenge(secret));

  app.post('/api/v1/public/requests', {
    config: { rateLimit: { max: ctx.config.submitRateLimit, timeWindow: '1 hour' } },
    schema: {
      tags, summary: '网上提交政府信息公开申请', description: '无需登录；返回查询码。收到申请之日为受理机关确认之日（条例第三十一条）。',
      body: ApplicationSchema.and(z.object({ challengeToken: z.string(), challengeAnswer: z.string().max(4) })),
      response: { 201: z.object({ trackingCode: z.string() }), 400: ErrorDto, 403: ErrorDto, 429: ErrorDto },
    },
  }, async (req, reply) => {
    const problem = challengeProblem(secret, req.body.challengeToken, req.body.challengeAnswer);
    if (problem) throw new AppError(400, 'challenge_failed', problem);
    const code = await requests.submitOnline(ctx, req.body, info(req));
    return reply.code(201).send({ trackingCode: code });
  });

  app.get('/api/v1/public/requests/:code', {
    schema: { tags, summary: '凭查询码查询办理进度', description: '只返回状态和日期，不含任何个人信息。', params: z.object({ code: z.string().trim().min(6).max(20) }), response: { 200: TrackingDto, 400: ErrorDto, 404: ErrorDto } },
  }, async (req) => requests.trackRequest(ctx, req.params.code));

  app.get('/api/v1/requests', {
    schema: {
      tags, summary: '申请列表（工作人员）', description: '按答复期限排序；个人信息只显示遮蔽后的内容。',
      querystring: Pagination.extend({
        status: z.enum(REQUEST_STATUSES).optional(), unitId: z.coerce.number().int().positive().optional(), overdue: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
        dueWithinDays: z.coerce.number().int().min(0).max(60).optional().describe('到期提醒：今天起若干天内到期的在办申请'),
      }),
      response: { 200: z.object({ total: z.number(), items: z.array(RequestListItem) }), ...authErrors },
    },
  }, async (req) => requests.listRequests(ctx, requireActor(req), req.query));

  app.get('/api/v1/requests/export.csv', {
    schema: { tags, summary: '导出申请列表（CSV）', description: '个人信息只含遮蔽后的姓名。', querystring: z.object({ status: z.enum(REQUEST_STATUSES).optional(), overdue: z.enum(['true', 'false']).optional().transform((v) => v === 'true') }) },
  }, async (req, reply) => {
    const { items } = await requests.listRequests(ctx, requireActor(req), { ...req.query, page: 1, pageSize: 100000 });
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', csvDisposition('依申请公开'));
    return toCsv(['查询码', '受理机关', '申请人（遮蔽）', '申请人类型', '渠道', '申请内容', '收到日期', '答复期限', '状态'],
      items.map((i) => [i.trackingCode, i.unitName, i.applicantName, APPLICANT_TYPE_LABELS[i.applicantType], CHANNEL_LABELS[i.channel], i.description, i.receiptDate, i.due, i.statusLabel]));
  });

  app.post('/api/v1/requests', {
    schema: { tags, summary: '登记申请（当面、邮寄、传真等）', body: RegistrationSchema, response: { 201: RequestDetail, ...authErrors } },
  }, async (req, reply) => reply.code(201).send(await requests.registerRequest(ctx, requireActor(req), { ...req.body.application, channel: req.body.channel, submittedDate: req.body.submittedDate, signedDate: req.body.signedDate, confirmedDate: req.body.confirmedDate }, info(req))));

  app.get('/api/v1/requests/:id', {
    schema: { tags, summary: '申请详情（含期限说明）', description: '承办人员可见完整个人信息；其他有权查看者只见遮蔽内容。', params: IdParams, response: { 200: RequestDetail, ...authErrors } },
  }, async (req) => requests.getRequest(ctx, requireActor(req), req.params.id));

  const post = <B extends z.ZodType>(path: string, summary: string, body: B, handler: (actor: ReturnType<typeof requireActor>, id: number, b: z.infer<B>, ip: { ip: string }) => Promise<unknown>, description?: string) =>
    app.post(`/api/v1/requests/:id/${path}`, {
      schema: { tags, summary, ...(description ? { description } : {}), params: IdParams, body, response: { 200: RequestDetail, ...authErrors } },
    }, async (req) => handler(requireActor(req), req.params.id, req.body as z.infer<B>, info(req)) as never);

  post('confirm', '确认收到申请', DateBody, (a, id, b, r) => requests.confirmReceipt(ctx, a, id, b.date, r), '网上、传真、平常信函的申请，以双方确认之日为收到申请之日。');
  post('supplement', '发出补正通知', SupplementBody, (a, id, b, r) => requests.requestSupplement(ctx, a, id, b, r), '应在收到申请之日起 7 个工作日内一次性告知；补正期间期限停止计算。');
  post('supplement-received', '登记收到补正材料', DateBody, (a, id, b, r) => requests.supplementReceived(ctx, a, id, b.date, r), '答复期限自收到补正之日起重新计算。');
  post('consult', '开始征求第三方或其他机关意见', ConsultBody, (a, id, b, r) => requests.startConsultation(ctx, a, id, b, r), '征求意见所需时间不计入答复期限。');
  post('consult-end', '征求意见结束', ConsultEndBody, (a, id, b, r) => requests.endConsultation(ctx, a, id, b, r));
  post('extend', '延长答复期限', ExtendBody, (a, id, b, r) => requests.extendDeadline(ctx, a, id, b, r), '经政府信息公开工作机构负责人同意，只能延长一次，最长 20 个工作日。');
  post('reply', '作出答复', z.object({
    outcome: z.enum(OUTCOME_CODES).describe('答复类型（对应年度报告表三第 3–23 行）'), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    reasons: z.string().trim().max(2000).nullish().transform((v) => v || null), provision: z.string().trim().max(1000).nullish().transform((v) => v || null),
    competentBody: z.string().trim().max(200).nullish().transform((v) => v || null),
  }), (a, id, b, r) => replies.replyToRequest(ctx, a, id, b, r), '每件申请只计一种办理结果；不予公开、部分公开须写明理由。');
  post('deliver', '登记送达', z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), method: z.enum(['in_person', 'post', 'email', 'online']), detail: z.string().trim().max(200).nullish().transform((v) => v || null) }),
    (a, id, b, r) => replies.deliverReply(ctx, a, id, b, r), '送达方式：当面（签收）、邮寄（填写邮件号）、电子邮件、网上。');
  post('archive', '归档', DateBody, (a, id, b, r) => replies.archiveRequest(ctx, a, id, b.date, r), '归档后申请只读，保留全部办理记录。');

  for (const [ext, type] of [['pdf', 'application/pdf'], ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']] as const) {
    app.get(`/api/v1/requests/:id/reply.${ext}`, {
      schema: { tags, summary: `答复书（${ext.toUpperCase()}）`, description: '公文格式的答复书或告知书，含申请人、收到日期、申请内容、决定、依据条款和救济途径。', params: IdParams },
    }, async (req, reply) => {
      const actor = requireActor(req);
      const { doc, data } = ext === 'pdf' ? await replies.replyPdf(ctx, actor, req.params.id) : await replies.replyWord(ctx, actor, req.params.id);
      return reply.header('content-type', type).header('content-disposition', `attachment; filename="reply.${ext}"; filename*=UTF-8''${encodeURIComponent(`${doc.title}-${doc.referenceNo}`)}.${ext}`).send(data);
    });
  }

  post('fee-notice', '发出收费通知', z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), basis: z.enum(['per_request', 'per_volume']).describe('按件或按量（只能选一种）'), pages: z.number().int().min(1).max(100000).optional() }),
    (a, id, b, r) => requests.feeNotice(ctx, a, id, b, r), '金额按国办函〔2020〕109号标准计算：按件（同一申请人一个自然月内第 11 件起）或按量（30 页以上）；应在收到通知次日起 20 个工作日内缴纳。');
  post('fee-paid', '登记缴费', z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), receiptNo: z.string().trim().min(2).max(60).describe('缴款票据号') }), (a, id, b, r) => requests.feePaid(ctx, a, id, b, r));

  const AppealDto = z.object({ id: z.number(), kind: z.enum(APPEAL_KINDS), kindLabel: z.string(), filedDate: z.string(), body: z.string(), result: z.enum(APPEAL_RESULTS), resultLabel: z.string(), resultDate: z.string().nullable(), note: z.string().nullable() });
  app.get('/api/v1/requests/:id/appeals', { schema: { tags, summary: '行政复议和诉讼记录', params: IdParams, response: { 200: z.object({ items: z.array(AppealDto) }), ...authErrors } } },
    async (req) => ({ items: await appeals.listAppeals(ctx, requireActor(req), req.params.id) }));
  app.post('/api/v1/requests/:id/appeals', {
    schema: { tags, summary: '登记行政复议或诉讼', params: IdParams, body: z.object({ kind: z.enum(APPEAL_KINDS), filedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), body: z.string().trim().min(2).max(100).describe('复议机关或法院'), note: z.string().trim().max(500).nullish().transform((v) => v || null) }), response: { 200: z.object({ items: z.array(AppealDto) }), ...authErrors } },
  }, async (req) => ({ items: await appeals.addAppeal(ctx, requireActor(req), req.params.id, req.body, info(req)) }));
  app.patch('/api/v1/appeals/:id', {
    schema: { tags, summary: '登记复议或诉讼结果', params: IdParams, body: z.object({ result: z.enum(APPEAL_RESULTS), resultDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish().transform((v) => v ?? null), note: z.string().trim().max(500).nullish().transform((v) => v || null) }), response: { 200: z.object({ items: z.array(AppealDto) }), ...authErrors } },
  }, async (req) => ({ items: await appeals.decideAppeal(ctx, requireActor(req), req.params.id, req.body, info(req)) }));

  app.post('/api/v1/requests/:id/transfer', {
    schema: { tags, summary: '转办', description: '在本级政府及其部门、下级单位之间转交办理；收到申请之日和期限不变。', params: IdParams, body: z.object({ unitId: z.number().int().positive(), reason: z.string().trim().min(2).max(500) }), response: { 200: z.object({ id: z.number(), unitName: z.string() }), ...authErrors } },
  }, async (req) => requests.transferRequest(ctx, requireActor(req), req.params.id, req.body, info(req)));
  app.post('/api/v1/requests/:id/split', {
    schema: { tags, summary: '拆分申请', description: '一份申请含多项内容时按“一事一申请”拆分；第一项留在原申请，其余各成新申请，期限相同。', params: IdParams, body: z.object({ parts: z.array(z.string().trim().min(5).max(2000)).min(2).max(20) }), response: { 200: z.object({ trackingCodes: z.array(z.string()) }), ...authErrors } },
  }, async (req) => requests.splitRequest(ctx, requireActor(req), req.params.id, req.body.parts, info(req)));

  app.post('/api/v1/requests/:id/files', {
    schema: {
      tags, summary: '上传办理材料', consumes: ['multipart/form-data'],
      description: '表单字段 file；查询参数 purpose=released 为随答复提供的信息（部分公开时为可公开部分），internal 为内部办理材料。仅承办人员可下载。',
      params: IdParams, querystring: z.object({ purpose: z.enum(['released', 'internal']).default('internal') }),
      response: { 200: z.object({ items: z.array(z.object({ id: z.number(), purpose: z.enum(['released', 'internal']), fileName: z.string(), kind: z.string(), size: z.number(), url: z.string() })) }), ...authErrors, 413: ErrorDto, 415: ErrorDto },
    },
  }, async (req) => {
    const actor = requireActor(req);
    if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type', '请以 multipart/form-data 上传文件（字段名 file）');
    const file = await req.file();
    if (!file) throw new AppError(400, 'file_missing', '没有收到文件');
    return { items: await files.addRequestFile(ctx, actor, req.params.id, req.query.purpose, file.filename, await file.toBuffer(), info(req)) };
  });

  app.get('/api/v1/request-files/:id', { schema: { tags, summary: '下载办理材料', params: IdParams } }, async (req, reply) => {
    const f = await files.requestFile(ctx, requireActor(req), req.params.id);
    if (!ctx.files.exists(f.sha256)) throw new AppError(404, 'not_found', '文件不存在');
    return reply.header('content-type', f.mime).header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(f.file_name)}`).send(ctx.files.stream(f.sha256));
  });

  post('publication', '选登答复（公开版本）', z.object({
    title: z.string().trim().min(4, '标题至少 4 个字').max(100), summary: z.string().trim().min(10, '摘要至少 10 个字').max(2000),
    fileIds: z.array(z.number().int().positive()).max(20).default([]).describe('随答复提供的文件中可公开下载的'),
  }), (a, id, b, r) => disclosureLog.publishToLog(ctx, a, id, b, r), '予以公开、部分公开的答复可以选登到“依申请公开答复选登”栏目；标题和摘要由工作人员撰写，不得含申请人姓名、证件号、电话等个人信息。');
  app.delete('/api/v1/requests/:id/publication', {
    schema: { tags, summary: '撤下选登的答复', params: IdParams, response: { 200: RequestDetail, ...authErrors } },
  }, async (req) => disclosureLog.withdrawFromLog(ctx, requireActor(req), req.params.id, info(req)));

  post('notes', '添加办理备注', z.object({ text: z.string().trim().min(1).max(2000) }), (a, id, b, r) => requests.addNote(ctx, a, id, b.text, r));

  const TemplateList = z.object({
    unitId: z.number(), unitName: z.string(),
    items: z.array(z.object({ key: z.string(), label: z.string(), group: z.string(), defaultText: z.string(), text: z.string(), source: z.enum(['default', 'own', 'inherited']), sourceName: z.string() })),
  });
  app.get('/api/v1/reply-templates/:id', {
    schema: { tags, summary: '答复文书模板（按政府）', description: '每一项的现行文字及来源：本级设置、上级政府设置或系统默认。', params: IdParams, response: { 200: TemplateList, ...authErrors } },
  }, async (req) => templates.listTemplates(ctx, requireActor(req), req.params.id));
  app.put('/api/v1/reply-templates/:id', {
    schema: {
      tags, summary: '修改答复文书模板的一项文字', description: 'text 为 null 时恢复为上级政府或系统默认文字。需要政务公开办权限。', params: IdParams,
      body: z.object({ key: z.string().max(60), text: z.string().trim().min(4, '模板文字至少 4 个字').max(1000).nullable() }), response: { 200: TemplateList, ...authErrors },
    },
  }, async (req) => templates.setTemplate(ctx, requireActor(req), req.params.id, req.body.key, req.body.text, info(req)));
}
