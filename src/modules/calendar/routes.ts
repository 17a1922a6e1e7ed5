import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { ErrorDto, authErrors } from '../../platform/http/schemas.js';
import { requireActor } from '../accounts/auth-hook.js';
import * as calendar from './service.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), '日期不存在');
const tags = ['工作日日历'];
const DayDto = z.object({ day: date, kind: z.enum(['off', 'work']).describe('off=放假，work=调休上班'), name: z.string().trim().min(1).max(20) });
const YearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const DeadlineQuery = z.object({ from: date.describe('起算日（收到申请之日等），不计入'), workdays: z.coerce.number().int().min(1).max(200) });

export function registerCalendarRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/calendar/deadline', {
    schema: {
      tags, summary: '工作日期限计算',
      description: '返回起算日之后第 N 个工作日（起算日不计入，含调休上班日，跳过法定节假日）及逐项说明；所需年份尚无节假日数据时返回 422 calendar_not_available。',
      querystring: DeadlineQuery,
      response: { 200: z.object({ due: z.string(), explanation: z.array(z.string()) }), 400: ErrorDto, 422: ErrorDto },
    },
  }, async (req) => calendar.deadline(ctx, req.query.from, req.query.workdays));

  app.get('/api/v1/calendar/years', {
    schema: { tags, summary: '已录入节假日安排的年份', response: { 200: z.object({ items: z.array(z.object({ year: z.number(), source: z.string(), updatedAt: z.string(), updatedBy: z.string() })) }) } },
  }, async () => ({
    items: (await ctx.db.selectFrom('calendar_year').selectAll().orderBy('year', 'desc').execute()).map((y) => ({ year: y.year, source: y.source, updatedAt: y.updated_at, updatedBy: y.updated_by })),
  }));

  app.get('/api/v1/calendar/years/:year', {
    schema: { tags, summary: '某年的放假和调休上班日', params: YearParams, response: { 200: z.object({ year: z.number(), source: z.string().nullable(), days: z.array(DayDto) }), 400: ErrorDto } },
  }, async (req) => {
    const y = req.params.year;
    const meta = await ctx.db.selectFrom('calendar_year').select('source').where('year', '=', y).executeTakeFirst();
    const days = await ctx.db.selectFrom('calendar_day').selectAll().where('day', '>=', `${y}-01-01`).where('day', '<=', `${y}-12-31`).orderBy('day').execute();
    return { year: y, source: meta?.source ?? null, days };
  });

  app.put('/api/v1/calendar/years/:year', {
    schema: {
      tags, summary: '录入或修改某年节假日安排', description: '系统管理员在国务院办公厅公布次年安排后录入；整年替换，记入审计日志。',
      params: YearParams, body: z.object({ source: z.string().trim().min(4).max(200).describe('依据的通知名称或文号'), days: z.array(DayDto).max(120) }),
      response: { 204: z.null(), ...authErrors },
    },
  }, async (req, reply) => {
    await calendar.saveYear(ctx, requireActor(req), req.params.year, req.body.source, req.body.days, { ip: req.ip });
    return reply.code(204).send(null);
  });
}
