import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import { beijingToday } from '../../platform/calendar/calendar.js';
import type { Database } from '../../schema.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/db/database.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { pdfOrUnavailable } from '../../platform/pdf/pdf.js';
import type { Actor } from '../accounts/policy.js';
import { auditBy, type RequestInfo } from '../accounts/service.js';
import { REQUEST_STATUS_LABELS } from './enums.js';
import { outcomeOf } from './outcomes.js';
import { composeReply, replyDocx, replyHtml, type ReplyDocument } from './reply-document.js';
import { getRequest, handledCase } from './service.js';
import { wordingForUnit } from './templates.js';

export interface ReplyInput {
  outcome: string;
  date: string;
  reasons: string | null;
  provision: string | null;
  competentBody: string | null;
}


/** 答复: records exactly one annual-report outcome; refusals must give reasons, "not ours" names the competent body. */
export async function replyToRequest(ctx: AppContext, actor: Actor, id: number, input: ReplyInput, req: RequestInfo) {
  const row = await handledCase(ctx.db, actor, id);
  if (!['processing', 'consulting', 'supplement'].includes(row.status)) throw conflict('invalid_status', `该申请当前不能答复（${REQUEST_STATUS_LABELS[row.status]}）`);
  const outcome = outcomeOf(input.outcome);
  if (!outcome) throw badRequest('unknown_outcome', '答复类型不正确');
  if (!row.receipt_date) throw conflict('not_received', '尚未确认收到申请，不能答复');
  if (input.date < row.receipt_date) throw badRequest('date_before_receipt', '答复日期不能早于收到申请之日');
  if (['不予公开', '部分公开'].includes(outcome.group) && !input.reasons) throw badRequest('reasons_required', '不予公开或部分公开须写明理由（条例第三十六条第（三）项、第三十七条）');
  if (outcome.code === 'unavailable_not_held' && !input.competentBody && !input.reasons) throw badRequest('competent_body_required', '本机关不掌握的信息，请写明负责公开的机关或检索情况');
  await storeReply(ctx.db, row, outcome.code, input, actor.displayName, { ...auditBy(actor), ip: req.ip });
  return getRequest(ctx, actor, id);
}

/** Writes the reply, its public history entry and the audit entry (numbered per unit and year). */
async function storeReply(db: Kysely<Database>, row: { id: number; unit_id: number; unit_name: string; status: string }, outcomeCode: string, input: ReplyInput, actorName: string, by: { actorId: number | null; actorName: string; unitId: number | null; ip: string | null }) {
  const outcome = outcomeOf(outcomeCode)!;
  const id = row.id;
  const seq = (await db.selectFrom('request_reply').innerJoin('disclosure_request', 'disclosure_request.id', 'request_reply.request_id')
    .select((eb) => eb.fn.countAll<number>().as('n')).where('disclosure_request.unit_id', '=', row.unit_id).where('request_reply.reply_date', '>=', `${input.date.slice(0, 4)}-01-01`).executeTakeFirstOrThrow()).n + 1;
  const referenceNo = `${row.unit_name}依申请公开〔${input.date.slice(0, 4)}〕${seq}号`;
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('request_reply').values({ request_id: id, outcome: outcome.code, reply_date: input.date, reference_no: referenceNo, reasons: input.reasons, provision: input.provision, competent_body: input.competentBody, actor_name: actorName, created_at: nowIso() }).execute();
    await trx.updateTable('disclosure_request').set({ status: 'replied', updated_at: nowIso() }).where('id', '=', id).execute();
    await trx.insertInto('request_event').values({ request_id: id, kind: 'replied', date: input.date, data: JSON.stringify({ outcome: outcome.code, label: `${outcome.group}：${outcome.label}` }), public: 1, actor_name: actorName, at: nowIso() }).execute();
    await appendAudit(trx, { ...by, unitId: row.unit_id, action: 'request.replied', entityType: 'request', entityId: id, before: { status: row.status }, after: { outcome: outcome.code, date: input.date, referenceNo }, ip: by.ip });
  });
}

/**
 * 逾期不补正: a case whose supplement deadline has passed is closed as 其他处理 1 (条例第三十条);
 * run by the server's scheduler, safe to repeat.
 */
export async function closeUnsupplemented(db: Kysely<Database>, today = beijingToday()): Promise<number> {
  const waiting = await db.selectFrom('disclosure_request').innerJoin('unit', 'unit.id', 'disclosure_request.unit_id')
    .select(['disclosure_request.id', 'disclosure_request.unit_id', 'disclosure_request.status', 'unit.name as unit_name']).where('disclosure_request.status', '=', 'supplement').execute();
  let closed = 0;
  for (const row of waiting) {
    const notice = await db.selectFrom('request_event').select('data').where('request_id', '=', row.id).where('kind', '=', 'supplement_requested').orderBy('id', 'desc').executeTakeFirst();
    const deadline = notice ? String((JSON.parse(notice.data) as { deadline: string }).deadline) : null;
    if (!deadline || deadline >= today) continue;
    const still = await db.selectFrom('disclosure_request').select('status').where('id', '=', row.id).executeTakeFirst();
    if (still?.status !== 'supplement') continue;
    await storeReply(db, row, 'other_no_supplement', { outcome: 'other_no_supplement', date: today, reasons: `补正期限 ${deadline} 已过，申请人未补正。`, provision: null, competentBody: null }, '系统（逾期不补正）', { actorId: null, actorName: '系统（逾期不补正）', unitId: row.unit_id, ip: null });
    closed += 1;
  }
  return closed;
}

/** The reply as a document, for the handler (PDF or DOCX). */
export async function replyDocument(ctx: AppContext, actor: Actor, id: number): Promise<ReplyDocument> {
  const row = await handledCase(ctx.db, actor, id);
  const reply = await ctx.db.selectFrom('request_reply').selectAll().where('request_id', '=', id).executeTakeFirst();
  if (!reply) throw notFound('答复');
  const wording = await wordingForUnit(ctx.db, row.unit_path);
  const supplement = await ctx.db.selectFrom('request_event').select('date').where('request_id', '=', id).where('kind', '=', 'supplement_received').orderBy('id', 'desc').executeTakeFirst();
  return composeReply({
    unitName: row.unit_name, applicantName: row.applicant_name, receiptDate: row.receipt_date!, supplementDate: supplement?.date ?? null, description: row.description,
    outcome: wording.outcome(reply.outcome), remedies: wording.remedies, defaultProvision: wording.provision, reasons: reply.reasons, provision: reply.provision, competentBody: reply.competent_body, replyDate: reply.reply_date, referenceNo: reply.reference_no,
    released: (await ctx.db.selectFrom('request_file').select('file_name').where('request_id', '=', id).where('purpose', '=', 'released').orderBy('id').execute()).map((f) => f.file_name),
  });
}

export async function replyPdf(ctx: AppContext, actor: Actor, id: number) {
  const doc = await replyDocument(ctx, actor, id);
  return { doc, data: await pdfOrUnavailable(replyHtml(doc)) };
}

export async function replyWord(ctx: AppContext, actor: Actor, id: number) {
  const doc = await replyDocument(ctx, actor, id);
  return { doc, data: await replyDocx(doc) };
}

const METHODS: Record<string, string> = { in_person: '当面送达（签收）', post: '邮寄送达', email: '电子邮件送达', online: '网上送达' };

/** 送达: how and when the reply reached the applicant. */
export async function deliverReply(ctx: AppContext, actor: Actor, id: number, v: { date: string; method: string; detail: string | null }, req: RequestInfo) {
  const row = await handledCase(ctx.db, actor, id);
  if (row.status !== 'replied') throw conflict('invalid_status', '只有已答复的申请可以登记送达');
  if (!METHODS[v.method]) throw badRequest('unknown_method', '送达方式不正确');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('disclosure_request').set({ status: 'delivered', updated_at: nowIso() }).where('id', '=', id).execute();
    await trx.insertInto('request_event').values({ request_id: id, kind: 'delivered', date: v.date, data: JSON.stringify({ method: v.method, label: METHODS[v.method], detail: v.detail }), public: 1, actor_name: actor.displayName, at: nowIso() }).execute();
    await appendAudit(trx, { ...auditBy(actor), unitId: row.unit_id, action: 'request.delivered', entityType: 'request', entityId: id, after: { date: v.date, method: v.method }, ip: req.ip });
  });
  return getRequest(ctx, actor, id);
}

/** 归档: the case becomes read-only with its whole history. */
export async function archiveRequest(ctx: AppContext, actor: Actor, id: number, date: string, req: RequestInfo) {
  const row = await handledCase(ctx.db, actor, id);
  if (!['delivered', 'closed'].includes(row.status)) throw conflict('invalid_status', '送达后才能归档');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('disclosure_request').set({ status: 'archived', updated_at: nowIso() }).where('id', '=', id).execute();
    await trx.insertInto('request_event').values({ request_id: id, kind: 'archived', date, data: '{}', public: 1, actor_name: actor.displayName, at: nowIso() }).execute();
    await appendAudit(trx, { ...auditBy(actor), unitId: row.unit_id, action: 'request.archived', entityType: 'request', entityId: id, after: { date }, ip: req.ip });
  });
  return getRequest(ctx, actor, id);
}
