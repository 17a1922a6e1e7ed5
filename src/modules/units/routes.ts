import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { csvDisposition, toCsv } from '../../platform/http/csv.js';
import { notFound } from '../../platform/http/errors.js';
import { authErrors, ErrorDto, IdParams, optionalText } from '../../platform/http/schemas.js';
import { requireActor } from '../accounts/auth-hook.js';
import { unitRepository } from './repository.js';
import { KIND_LABELS, LEVEL_LABELS } from './rules.js';
import { UNIT_KINDS, UNIT_LEVELS } from './unit-enums.js';
import { UnitDto } from './dto.js';
import * as units from './service.js';

const phone = optionalText(40).refine((v) => v === null || /^[0-9+()（）\-\s、,，转]{5,40}$/.test(v), '电话号码格式不正确');
const OfficeInput = z.object({
  name: optionalText(100),
  address: optionalText(200),
  hours: optionalText(200),
  phone,
  fax: phone,
  email: optionalText(100).refine((v) => v === null || z.email().safeParse(v).success, '电子邮箱格式不正确'),
  postcode: optionalText(6).refine((v) => v === null || /^\d{6}$/.test(v), '邮政编码应为 6 位数字'),
});

const UnitFields = {
  name: z.string().trim().min(2).max(100),
  shortName: optionalText(50),
  kind: z.enum(UNIT_KINDS),
  level: z.enum(UNIT_LEVELS),
  divisionCode: optionalText(12),
  creditCode: optionalText(18).transform((v) => v?.toUpperCase() ?? null),
  sortOrder: z.number().int().min(0).max(100000),
  office: OfficeInput,
};

const NewUnitBody = z.object({ parentId: z.number().int().positive().nullable(), ...UnitFields, sortOrder: UnitFields.sortOrder.default(0), office: OfficeInput.partial().default({}) });
const UnitPatchBody = z.object(UnitFields).partial();

const info = (req: { ip: string }) => ({ ip: req.ip });
const emptyOffice = { name: null, address: null, hours: null, phone: null, fax: null, email: null, postcode: null };

export function registerUnitRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ListQuery = z.object({
    parentId: z.coerce.number().int().positive().optional(),
    kind: z.enum(UNIT_KINDS).optional(),
    level: z.enum(UNIT_LEVELS).optional(),
    q: z.string().trim().max(50).optional(),
  });

  const list = async (query: z.infer<typeof ListQuery>) => {
    const rows = await unitRepository(ctx.db).listAll();
    return rows
      .filter((u) => query.parentId === undefined || u.parent_id === query.parentId)
      .filter((u) => !query.kind || u.kind === query.kind)
      .filter((u) => !query.level || u.level === query.level)
      .filter((u) => !query.q || u.name.includes(query.q) || (u.short_name ?? '').includes(query.q))
      .map(units.presentUnit);
  };

  app.get('/api/v1/units', {
    schema: {
      tags: ['单位'], summary: '单位列表',
      description: '公开信息：全部单位及其政府信息公开工作机构联系方式（按排序号），可按上级、类型、层级和名称筛选。客户端按 parentId 组装成树。',
      querystring: ListQuery,
      response: { 200: z.object({ items: z.array(UnitDto) }), 400: ErrorDto },
    },
  }, async (req) => ({ items: await list(req.query) }));

  app.get('/api/v1/units/export.csv', {
    schema: { tags: ['单位'], summary: '导出单位列表（CSV）', querystring: ListQuery },
  }, async (req, reply) => {
    const items = await list(req.query);
    const byId = new Map(items.map((u) => [u.id, u.name]));
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', csvDisposition('单位列表'));
    return toCsv(
      ['编号', '单位名称', '简称', '类型', '层级', '上级单位', '行政区划代码', '统一社会信用代码', '公开工作机构', '办公地址', '办公时间', '联系电话', '传真', '电子邮箱', '邮政编码'],
      items.map((u) => [u.id, u.name, u.shortName, KIND_LABELS[u.kind], LEVEL_LABELS[u.level], u.parentId ? byId.get(u.parentId) : '', u.divisionCode, u.creditCode,
        u.office.name, u.office.address, u.office.hours, u.office.phone, u.office.fax, u.office.email, u.office.postcode]),
    );
  });

  app.get('/api/v1/units/:id', {
    schema: { tags: ['单位'], summary: '单位详情', params: IdParams, response: { 200: UnitDto, 400: ErrorDto, 404: ErrorDto } },
  }, async (req) => {
    const row = await unitRepository(ctx.db).findById(req.params.id);
    if (!row) throw notFound('单位');
    return units.presentUnit(row);
  });

  app.post('/api/v1/units', {
    schema: { tags: ['单位'], summary: '新增单位', description: '政府下可设同级部门和下一级政府；部门和村（社区）下不设下级。', body: NewUnitBody, response: { 201: UnitDto, ...authErrors } },
  }, async (req, reply) => {
    const { parentId, ...input } = req.body;
    const created = await units.createUnit(ctx, requireActor(req), parentId, { ...input, office: { ...emptyOffice, ...input.office } }, info(req));
    return reply.code(201).send(created);
  });

  app.patch('/api/v1/units/:id', {
    schema: { tags: ['单位'], summary: '修改单位', params: IdParams, body: UnitPatchBody, response: { 200: UnitDto, ...authErrors } },
  }, async (req) => units.updateUnit(ctx, requireActor(req), req.params.id, req.body, info(req)));

  app.delete('/api/v1/units/:id', {
    schema: { tags: ['单位'], summary: '删除单位', description: '仅能删除没有下级单位和用户账号的单位。', params: IdParams, response: { 204: z.null(), ...authErrors } },
  }, async (req, reply) => {
    await units.deleteUnit(ctx, requireActor(req), req.params.id, info(req));
    return reply.code(204).send(null);
  });
}
