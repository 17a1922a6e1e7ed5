import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { csvDisposition, toCsv } from '../../platform/http/csv.js';
import { forbidden, notFound } from '../../platform/http/errors.js';
import { authErrors, ErrorDto, IdParams } from '../../platform/http/schemas.js';
import { requireActor } from '../accounts/auth-hook.js';
import { can } from '../accounts/policy.js';
import { unitRepository } from '../units/repository.js';
import { CatalogueDto, CatalogueItemInput, CatalogueSummaryDto, ImportErrorDto, WatchRowDto } from './dto.js';
import { WATCH_LABELS } from './enums.js';
import { catalogueRepository } from './repository.js';
import * as catalogues from './service.js';
import { exportCatalogueXlsx, parseCatalogueXlsx } from './xlsx.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['政务公开事项标准目录'];
const info = (req: { ip: string }) => ({ ip: req.ip });

export function registerCatalogueRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const repo = catalogueRepository(ctx.db);
  app.addContentTypeParser(XLSX, { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  const unitOr404 = async (id: number) => {
    const unit = await unitRepository(ctx.db).findById(id);
    if (!unit) throw notFound('单位');
    return unit;
  };

  app.get('/api/v1/catalogue-domains', {
    schema: { tags, summary: '领域（26 个试点领域及新增领域）', response: { 200: z.object({ items: z.array(z.object({ id: z.number(), name: z.string() })) }) } },
  }, async () => ({ items: (await repo.domains()).map((d) => ({ id: d.id, name: d.name })) }));

  app.post('/api/v1/catalogue-domains', {
    schema: { tags, summary: '新增领域', description: '26 个试点领域之外由省、市增加的领域；系统管理员和市级政务公开办维护。', body: z.object({ name: z.string().trim().min(2).max(30) }), response: { 201: z.object({ id: z.number(), name: z.string() }), ...authErrors } },
  }, async (req, reply) => reply.code(201).send(await catalogues.addDomain(ctx, requireActor(req), req.body.name, info(req))));

  app.get('/api/v1/units/:id/catalogues', {
    schema: { tags, summary: '单位目录的各个版本', description: '公众可见现行和历史版本；本单位工作人员另可见编制中的版本。', params: IdParams, response: { 200: z.object({ items: z.array(CatalogueSummaryDto) }), 400: ErrorDto, 404: ErrorDto } },
  }, async (req) => {
    const unit = await unitOr404(req.params.id);
    const staff = can(req.actor, 'document.read', unit.path);
    const versions = (await repo.versions(unit.id)).filter((v) => staff || v.status !== 'draft');
    return { items: versions.map((v) => ({ id: v.id, unitId: v.unit_id, unitName: v.unit_name, version: v.version, status: v.status, note: v.note, publishedAt: v.published_at, itemCount: Number(v.item_count ?? 0) })) };
  });

  app.get('/api/v1/units/:id/catalogue', {
    schema: { tags, summary: '单位现行目录', params: IdParams, response: { 200: CatalogueDto, 400: ErrorDto, 404: ErrorDto } },
  }, async (req) => {
    const current = await repo.findByStatus((await unitOr404(req.params.id)).id, 'published');
    if (!current) throw notFound('现行目录');
    return catalogues.getCatalogue(ctx, req.actor, current.id);
  });

  app.get('/api/v1/catalogues/:id', {
    schema: { tags, summary: '目录版本详情', params: IdParams, response: { 200: CatalogueDto, 400: ErrorDto, 404: ErrorDto } },
  }, async (req) => catalogues.getCatalogue(ctx, req.actor, req.params.id));

  app.get('/api/v1/catalogues/:id/export.xlsx', {
    schema: { tags, summary: '导出目录（国家标准目录表格式 xlsx）', params: IdParams },
  }, async (req, reply) => {
    const c = await catalogues.getCatalogue(ctx, req.actor, req.params.id);
    reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="catalogue.xlsx"; filename*=UTF-8''${encodeURIComponent(`${c.unitName}政务公开事项标准目录-第${c.version}版`)}.xlsx`);
    return reply.send(await exportCatalogueXlsx(c));
  });

  app.post('/api/v1/units/:id/catalogues/draft', {
    schema: { tags, summary: '编制新版本', description: '返回该单位编制中的版本；没有时以现行版本为底稿新建。', params: IdParams, response: { 200: CatalogueDto, ...authErrors } },
  }, async (req) => catalogues.ensureDraft(ctx, requireActor(req), req.params.id, info(req)));

  app.post('/api/v1/catalogues/:id/items', {
    schema: { tags, summary: '新增目录事项', params: IdParams, body: CatalogueItemInput, response: { 200: CatalogueDto, ...authErrors } },
  }, async (req) => catalogues.addItem(ctx, requireActor(req), req.params.id, req.body, info(req)));

  app.put('/api/v1/catalogue-items/:id', {
    schema: { tags, summary: '修改目录事项', params: IdParams, body: CatalogueItemInput, response: { 200: CatalogueDto, ...authErrors } },
  }, async (req) => catalogues.updateItem(ctx, requireActor(req), req.params.id, req.body, info(req)));

  app.delete('/api/v1/catalogue-items/:id', {
    schema: { tags, summary: '删除目录事项', params: IdParams, response: { 200: CatalogueDto, ...authErrors } },
  }, async (req) => catalogues.deleteItem(ctx, requireActor(req), req.params.id, info(req)));

  app.post('/api/v1/catalogues/:id/import', {
    schema: {
      tags, summary: '导入目录表格（xlsx）',
      description: `请求体为 xlsx 文件（Content-Type: ${XLSX}），按国家标准目录表格式。全部行通过校验才导入，替换编制中版本的全部事项；否则返回逐行错误。`,
      params: IdParams,
      response: { 200: CatalogueDto, 400: ErrorDto.extend({ errors: z.array(ImportErrorDto).optional() }), 401: ErrorDto, 403: ErrorDto, 404: ErrorDto, 409: ErrorDto, 415: ErrorDto },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    if (!Buffer.isBuffer(req.body)) return reply.code(415).send({ code: 'unsupported_media_type', message: `请以 ${XLSX} 上传 xlsx 文件` });
    const { items, errors } = await parseCatalogueXlsx(req.body, await repo.domains());
    if (errors.length) return reply.code(400).send({ code: 'import_failed', message: `表格有 ${errors.length} 处问题，未导入：${errors.slice(0, 5).map((e) => `第 ${e.row} 行${e.column ? `“${e.column}”` : ''}${e.message}`).join('；')}${errors.length > 5 ? '……' : ''}`, errors });
    return catalogues.replaceItems(ctx, actor, req.params.id, items, 'xlsx', info(req));
  });

  app.post('/api/v1/catalogues/:id/publish', {
    schema: { tags, summary: '发布目录版本', params: IdParams, response: { 200: CatalogueDto, ...authErrors } },
  }, async (req) => catalogues.publishCatalogue(ctx, requireActor(req), req.params.id, info(req)));

  const watchFor = async (req: Parameters<typeof requireActor>[0], id: number) => {
    const actor = requireActor(req);
    const unit = await unitOr404(id);
    if (!can(actor, 'document.read', unit.path)) throw forbidden('您无权查看其他单位的目录监测');
    return { unit, rows: await catalogues.watchCatalogue(ctx.db, unit.id) };
  };

  app.get('/api/v1/units/:id/catalogue-watch', {
    schema: { tags, summary: '目录事项公开时限监测', description: '按现行目录逐项判断：按时公开、即将到期、逾期、尚未公开；工作日按节假日日历（含调休）计算，所需年份未录入时标为“缺节假日数据”。', params: IdParams, response: { 200: z.object({ items: z.array(WatchRowDto) }), ...authErrors } },
  }, async (req) => ({ items: (await watchFor(req, req.params.id)).rows }));

  app.get('/api/v1/units/:id/catalogue-watch.csv', {
    schema: { tags, summary: '导出目录监测（CSV）', params: IdParams },
  }, async (req, reply) => {
    const { unit, rows } = await watchFor(req, req.params.id);
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', csvDisposition(`${unit.name}-目录监测`));
    return toCsv(['序号', '一级事项', '二级事项', '公开时限', '状态', '相关信息', '成文日期', '应公开日期', '公开日期', '逾期天数'],
      rows.map((r) => [r.seq, r.level1, r.level2, r.timeLimit, WATCH_LABELS[r.state], r.document?.title, r.document?.writtenDate, r.document?.due, r.document?.publishedDate, r.document?.daysLate]));
  });
}
