import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { beijingDateTime, csvDisposition, toCsv } from '../../platform/http/csv.js';
import { forbidden } from '../../platform/http/errors.js';
import { authErrors, Pagination } from '../../platform/http/schemas.js';
import type { Database } from '../../schema.js';
import { requireActor } from '../accounts/auth-hook.js';
import { scopeOf, type ScopeEntry } from '../accounts/policy.js';
import { scopeCondition } from '../accounts/scope-sql.js';
import { AuditDto } from './dto.js';
import { ACTION_LABELS } from './labels.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const AuditQuery = Pagination.extend({
  actor: z.string().trim().max(64).optional().describe('操作人（姓名或用户名的一部分）'),
  unitId: z.coerce.number().int().positive().optional(),
  entityType: z.string().trim().max(32).optional(),
  entityId: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  from: date.optional().describe('起始日期（北京时间，含）'),
  to: date.optional().describe('截止日期（北京时间，含）'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
type AuditQuery = z.infer<typeof AuditQuery>;

/** Start of a Beijing calendar day as a UTC ISO string. */
const beijingDayStart = (d: string) => new Date(Date.parse(`${d}T00:00:00+08:00`)).toISOString();
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00+08:00`) + 86_400_000).toISOString();

function search(db: Kysely<Database>, scope: ScopeEntry[], q: AuditQuery) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('unit', 'unit.id', 'audit_log.unit_id')
    .where((eb) => (scope.some((e) => 'all' in e) ? eb.lit(true) : scopeCondition(eb, 'unit.path', scope)) as never);
  if (q.actor) {
    const like = `%${q.actor.replace(/[%_\\]/g, '')}%`;
    query = query.where('audit_log.actor_name', 'like', like);
  }
  if (q.unitId) query = query.where('audit_log.unit_id', '=', q.unitId);
  if (q.entityType) query = query.where('audit_log.entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('audit_log.entity_id', '=', q.entityId);
  if (q.action) query = query.where('audit_log.action', '=', q.action);
  if (q.from) query = query.where('audit_log.at', '>=', beijingDayStart(q.from));
  if (q.to) query = query.where('audit_log.at', '<', nextDay(q.to));
  return query;
}

const parse = (s: string | null) => (s === null ? null : (JSON.parse(s) as unknown));

/** 审计日志 (read-only): the only routes over the audit table; there is none that edits or deletes. */
export function registerAuditLogRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  const run = async (actorScope: ScopeEntry[], q: AuditQuery) => {
    const base = search(ctx.db, actorScope, q);
    const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await base
      .selectAll('audit_log')
      .select('unit.name as unit_name')
      .orderBy('audit_log.seq', q.order)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute();
    const items = rows.map((r) => ({
      seq: r.seq, at: r.at, actorId: r.actor_id, actorName: r.actor_name, unitId: r.unit_id, unitName: r.unit_name,
      action: r.action, actionLabel: ACTION_LABELS[r.action] ?? r.action, entityType: r.entity_type, entityId: r.entity_id,
      before: parse(r.before_data), after: parse(r.after_data), ip: r.ip,
    }));
    return { total, items };
  };

  const scopeFor = (req: Parameters<typeof requireActor>[0]) => {
    const scope = scopeOf(requireActor(req), 'audit.read');
    if (!scope.length) throw forbidden('您无权查看审计日志');
    return scope;
  };

  app.get('/api/v1/audit', {
    schema: {
      tags: ['审计日志'], summary: '查询审计日志',
      description: '按操作人、单位、对象、操作和日期筛选；只返回当前用户有权查看的单位的记录。日志只能追加，系统不提供修改或删除。',
      querystring: AuditQuery,
      response: { 200: z.object({ total: z.number(), items: z.array(AuditDto) }), ...authErrors },
    },
  }, async (req) => run(scopeFor(req), req.query));

  app.get('/api/v1/audit/export.csv', {
    schema: { tags: ['审计日志'], summary: '导出审计日志（CSV，最多 50000 条）', querystring: AuditQuery.omit({ page: true, pageSize: true }) },
  }, async (req, reply) => {
    const { items } = await run(scopeFor(req), { ...req.query, page: 1, pageSize: 50000 });
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', csvDisposition('审计日志'));
    return toCsv(
      ['序号', '时间', '操作人', '单位', '操作', '对象类型', '对象编号', '变更前', '变更后', 'IP'],
      items.map((i) => [i.seq, beijingDateTime(i.at), i.actorName, i.unitName, i.actionLabel, i.entityType, i.entityId, JSON.stringify(i.before), JSON.stringify(i.after), i.ip]),
    );
  });
}
