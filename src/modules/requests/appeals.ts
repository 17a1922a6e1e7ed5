import type { Generated, Kysely, Migration } from 'kysely';
import type { AppContext } from '../../context.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { idColumnType, nowIso } from '../../platform/db/database.js';
import { badRequest, notFound } from '../../platform/http/errors.js';
import type { Actor } from '../accounts/policy.js';
import { auditBy, type RequestInfo } from '../accounts/service.js';
import { handledCase } from './service.js';

/** 行政复议 and 行政诉讼 against a reply; they fill the annual report's Table 4. */
export const APPEAL_KINDS = ['reconsideration', 'lawsuit_direct', 'lawsuit_after_reconsideration'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];
export const APPEAL_KIND_LABELS: Record<AppealKind, string> = { reconsideration: '行政复议', lawsuit_direct: '行政诉讼（未经复议直接起诉）', lawsuit_after_reconsideration: '行政诉讼（复议后起诉）' };
export const APPEAL_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];
export const APPEAL_RESULT_LABELS: Record<AppealResult, string> = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结' };

export interface RequestAppealTable {
  id: Generated<number>;
  request_id: number;
  kind: AppealKind;
  filed_date: string;
  body: string;
  result: AppealResult;
  result_date: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface AppealTables {
  request_appeal: RequestAppealTable;
}

export const appealsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('request_appeal')
      .addColumn('id', idColumnType(db))
      .addColumn('request_id', 'integer', (c) => c.notNull().references('disclosure_request.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('filed_date', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('result_date', 'text')
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('request_appeal_request_idx').on('request_appeal').column('request_id').execute();
  },
};


const present = (a: { id: number; kind: AppealKind; filed_date: string; body: string; result: AppealResult; result_date: string | null; note: string | null }) =>
  ({ id: a.id, kind: a.kind, kindLabel: APPEAL_KIND_LABELS[a.kind], filedDate: a.filed_date, body: a.body, result: a.result, resultLabel: APPEAL_RESULT_LABELS[a.result], resultDate: a.result_date, note: a.note });

export async function listAppeals(ctx: AppContext, actor: Actor, requestId: number) {
  await handledCase(ctx.db, actor, requestId);
  return (await ctx.db.selectFrom('request_appeal').selectAll().where('request_id', '=', requestId).orderBy('id').execute()).map(present);
}

/** Records a reconsideration or lawsuit against a reply (allowed even after archiving: it comes later). */
export async function addAppeal(ctx: AppContext, actor: Actor, requestId: number, v: { kind: AppealKind; filedDate: string; body: string; note: string | null }, req: RequestInfo) {
  const row = await handledCase(ctx.db, actor, requestId);
  if (!['replied', 'delivered', 'archived'].includes(row.status)) throw badRequest('not_replied', '只能对已答复的申请登记复议或诉讼');
  await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    const { id } = await trx.insertInto('request_appeal').values({ request_id: requestId, kind: v.kind, filed_date: v.filedDate, body: v.body, result: 'pending', result_date: null, note: v.note, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, { ...auditBy(actor), unitId: row.unit_id, action: 'request.appeal_add', entityType: 'request', entityId: requestId, after: { appeal: id, kind: v.kind, filedDate: v.filedDate, body: v.body }, ip: req.ip });
  });
  return listAppeals(ctx, actor, requestId);
}

export async function decideAppeal(ctx: AppContext, actor: Actor, appealId: number, v: { result: AppealResult; resultDate: string | null; note: string | null }, req: RequestInfo) {
  const appeal = await ctx.db.selectFrom('request_appeal').selectAll().where('id', '=', appealId).executeTakeFirst();
  if (!appeal) throw notFound('复议或诉讼记录');
  const row = await handledCase(ctx.db, actor, appeal.request_id);
  if (v.result !== 'pending' && !v.resultDate) throw badRequest('result_date_required', '请填写审结日期');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('request_appeal').set({ result: v.result, result_date: v.resultDate, note: v.note ?? appeal.note, updated_at: nowIso() }).where('id', '=', appealId).execute();
    await appendAudit(trx, { ...auditBy(actor), unitId: row.unit_id, action: 'request.appeal_result', entityType: 'request', entityId: appeal.request_id, before: { result: appeal.result }, after: { appeal: appealId, result: v.result, resultDate: v.resultDate }, ip: req.ip });
  });
  return listAppeals(ctx, actor, appeal.request_id);
}
