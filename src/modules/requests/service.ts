import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { AppContext } from '../../context.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { addDays, beijingToday } from '../../platform/calendar/calendar.js';
import { addWorkdays, CalendarGapError, loadCalendar } from '../../platform/calendar/holidays.js';
import { listRequestFiles } from './files.js';
import { publicationOf } from './disclosure-log.js';
import { FEE_PAYMENT_WORKDAYS, perRequestFee, perVolumeFee, type FeeBasis } from './fees.js';
import { maskIdNumber, maskName, maskPhone } from '../../platform/crypto/pii.js';
import { nowIso } from '../../platform/db/database.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.js';
import type { Database } from '../../schema.js';
import { can, inScope, scopeOf, type Action, type Actor } from '../accounts/policy.js';
import { scopeCondition } from '../accounts/scope-sql.js';
import { auditBy, type RequestInfo } from '../accounts/service.js';
import { unitRepository } from '../units/repository.js';
import type { ApplicantType, Channel, IdType, RequestStatus } from './enums.js';
import { REQUEST_STATUS_LABELS } from './enums.js';
import { computeClock, MAX_EXTENSION_WORKDAYS, receiptDate, trackingCode, type Clock, type ClockEvent } from './rules.js';
import type { DisclosureRequestTable } from './schema.js';

type RequestRow = Selectable<DisclosureRequestTable>;

export interface ApplicationInput {
  unitId: number;
  applicantType: ApplicantType;
  applicantName: string;
  idType: IdType;
  idNumber: string;
  phone: string;
  email?: string | null | undefined;
  address?: string | null | undefined;
  contactPerson?: string | null | undefined;
  description: string;
  docNo?: string | null | undefined;
  preferredForm: string;
  delivery: string;
}

/** What each kind of step is called on the tracking page and in the case history. */
export const EVENT_LABELS: Record<string, string> = {
  submitted: '提交申请', registered: '登记申请', receipt: '确认收到申请', supplement_requested: '发出补正通知', supplement_received: '收到补正材料',
  consult_started: '征求意见（期限暂停）', consult_ended: '征求意见结束', extended: '延长答复期限', note: '办理备注',
  fee_notice: '发出收费通知', fee_paid: '缴纳信息处理费', appeal: '申请人提起行政复议或诉讼', transferred: '转办', split: '拆分申请',
  replied: '作出答复', delivered: '送达答复', archived: '归档',
};

const PUBLIC_EVENTS = new Set(['transferred', 'split', 'submitted', 'registered', 'receipt', 'supplement_requested', 'supplement_received', 'consult_started', 'consult_ended', 'extended', 'fee_notice', 'fee_paid']);

async function addEvent(db: Kysely<Database>, requestId: number, kind: string, date: string, data: Record<string, unknown>, actorName: string) {
  await db.insertInto('request_event').values({ request_id: requestId, kind, date, data: JSON.stringify(data), public: PUBLIC_EVENTS.has(kind) ? 1 : 0, actor_name: actorName, at: nowIso() }).execute();
}

const clockEvents = (rows: Array<{ kind: string; date: string; data: string }>): ClockEvent[] =>
  rows.flatMap((r): ClockEvent[] => {
    const d = JSON.parse(r.data) as Record<string, unknown>;
    switch (r.kind) {
      case 'receipt': return [{ kind: 'receipt', date: r.date }];
      case 'supplement_requested': return [{ kind: 'supplement_requested', date: r.date, deadline: String(d.deadline) }];
      case 'supplement_received': return [{ kind: 'supplement_received', date: r.date }];
      case 'consult_started': return [{ kind: 'consult_started', date: r.date, party: String(d.party) }];
      case 'consult_ended': return [{ kind: 'consult_ended', date: r.date }];
      case 'extended': return [{ kind: 'extended', date: r.date, workdays: Number(d.workdays) }];
      case 'fee_notice': return [{ kind: 'fee_notice', date: r.date }];
      case 'fee_paid': return [{ kind: 'fee_paid', date: r.date }];
      default: return [];
    }
  });

/** The case's clock from its history and the current holiday calendar (so calendar edits apply at once). */
export interface ClockOptions {
  feePausesClock: boolean;
}

export async function clockOf(db: Kysely<Database>, requestId: number, options: ClockOptions): Promise<Clock & { calendarMissing?: string }> {
  const events = await db.selectFrom('request_event').select(['kind', 'date', 'data']).where('request_id', '=', requestId).orderBy('id').execute();
  try {
    return computeClock(clockEvents(events), await loadCalendar(db), beijingToday(), options);
  } catch (err) {
    if (err instanceof CalendarGapError) return { due: null, supplementNoticeDue: null, state: 'running', explanation: [err.message], calendarMissing: err.message };
    throw err;
  }
}

/** Stores the recomputed due date for lists and reminders. */
export async function refreshDue(db: Kysely<Database>, requestId: number, options: ClockOptions) {
  const clock = await clockOf(db, requestId, options);
  await db.updateTable('disclosure_request').set({ due_date: clock.due, updated_at: nowIso() }).where('id', '=', requestId).execute();
  return clock;
}

/** After the holiday table changes: every open case gets its due date again. */
export async function refreshOpenDues(db: Kysely<Database>, options: ClockOptions) {
  const open = await db.selectFrom('disclosure_request').select('id').where('status', 'in', ['processing', 'supplement', 'consulting']).execute();
  for (const r of open) await refreshDue(db, r.id, options);
  return open.length;
}

function newCode(): string {
  return trackingCode(randomBytes);
}

async function insertRequest(ctx: AppContext, input: ApplicationInput, extra: { channel: Channel; submitted: string; signed?: string | null; confirmed?: string | null; createdBy: number | null; actorName: string }) {
  const unit = await unitRepository(ctx.db).findById(input.unitId);
  if (!unit) throw badRequest('unit_not_found', '所选受理机关不存在');
  const receipt = receiptDate(extra.channel, { submitted: extra.submitted, signed: extra.signed ?? null, confirmed: extra.confirmed ?? null });
  const pii = ctx.pii;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    const { id } = await trx.insertInto('disclosure_request').values({
      tracking_code: newCode(), unit_id: unit.id, applicant_type: input.applicantType, applicant_name: input.applicantName, id_type: input.idType,
      id_number_enc: pii.encrypt(input.idNumber), id_number_mask: maskIdNumber(input.idNumber), applicant_key: pii.fingerprint(input.idNumber),
      phone_enc: pii.encrypt(input.phone), phone_mask: maskPhone(input.phone), email_enc: pii.encrypt(input.email), address_enc: pii.encrypt(input.address),
      contact_person: input.contactPerson ?? null, description: input.description, doc_no: input.docNo ?? null, preferred_form: input.preferredForm, delivery: input.delivery,
      channel: extra.channel, submitted_date: extra.submitted, signed_date: extra.signed ?? null, confirmed_date: extra.confirmed ?? null, receipt_date: receipt,
      status: receipt ? 'processing' : 'awaiting_confirmation', due_date: null, parent_id: null, created_by: extra.createdBy, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await addEvent(trx, id, extra.createdBy ? 'registered' : 'submitted', extra.submitted, { channel: extra.channel }, extra.actorName);
    if (receipt) await addEvent(trx, id, 'receipt', receipt, {}, extra.actorName);
    await refreshDue(trx, id, ctx.config);
    return id;
  });
  return id;
}

/** 网上申请 by a citizen: waits for the office to confirm receipt (双方确认之日). */
export async function submitOnline(ctx: AppContext, input: ApplicationInput, req: RequestInfo) {
  const id = await insertRequest(ctx, input, { channel: 'online', submitted: beijingToday(), createdBy: null, actorName: '申请人（网上）' });
  const row = (await ctx.db.selectFrom('disclosure_request').select(['tracking_code', 'unit_id']).where('id', '=', id).executeTakeFirstOrThrow());
  await appendAudit(ctx.db, { actorId: null, actorName: '申请人（网上）', unitId: row.unit_id, action: 'request.submit', entityType: 'request', entityId: id, after: { trackingCode: row.tracking_code, channel: 'online' }, ip: req.ip });
  return row.tracking_code;
}

/** A case the actor handles (404 when unknown, 403 outside the actor's units). */
export const handledCase = (db: Kysely<Database>, actor: Actor, id: number) => load(db, actor, id, 'request.handle');

async function load(db: Kysely<Database>, actor: Actor, id: number, action: Action) {
  const row = await db.selectFrom('disclosure_request').innerJoin('unit', 'unit.id', 'disclosure_request.unit_id').selectAll('disclosure_request').select(['unit.name as unit_name', 'unit.path as unit_path']).where('disclosure_request.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('申请');
  if (!can(actor, action, row.unit_path)) throw forbidden('您无权查看或办理其他单位的申请');
  return row;
}

/** 登记 by staff: in person, by post, fax or an online request received elsewhere. */
export async function registerRequest(ctx: AppContext, actor: Actor, input: ApplicationInput & { channel: Channel; submittedDate: string; signedDate?: string | null; confirmedDate?: string | null }, req: RequestInfo) {
  const unit = await unitRepository(ctx.db).findById(input.unitId);
  if (!unit) throw badRequest('unit_not_found', '所选受理机关不存在');
  if (!can(actor, 'request.handle', unit.path)) throw forbidden('您无权为该单位登记申请');
  if (input.channel === 'post_signed' && !input.signedDate) throw badRequest('signed_date_required', '邮寄需签收的申请，请填写签收日期');
  const id = await insertRequest(ctx, input, { channel: input.channel, submitted: input.submittedDate, signed: input.signedDate ?? null, confirmed: input.confirmedDate ?? null, createdBy: actor.userId, actorName: actor.displayName });
  await appendAudit(ctx.db, { ...auditBy(actor), unitId: unit.id, action: 'request.register', entityType: 'request', entityId: id, after: { channel: input.channel, submittedDate: input.submittedDate }, ip: req.ip });
  return getRequest(ctx, actor, id);
}

function assertStatus(row: RequestRow, allowed: RequestStatus[], message: string) {
  if (!allowed.includes(row.status)) throw conflict('invalid_status', `${message}（当前状态：${REQUEST_STATUS_LABELS[row.status]}）`);
}

async function step(ctx: AppContext, actor: Actor, id: number, action: Action, allowed: RequestStatus[], message: string, kind: string, date: string, data: Record<string, unknown>, nextStatus: RequestStatus | null, req: RequestInfo, extraCheck?: (row: RequestRow) => Promise<void> | void) {
  const row = await load(ctx.db, actor, id, action);
  assertStatus(row, allowed, message);
  if (row.receipt_date && date < row.receipt_date && kind !== 'receipt') throw badRequest('date_before_receipt', '日期不能早于收到申请之日');
  await extraCheck?.(row);
  await ctx.db.transaction().execute(async (trx) => {
    await addEvent(trx, id, kind, date, data, actor.displayName);
    if (nextStatus) await trx.updateTable('disclosure_request').set({ status: nextStatus }).where('id', '=', id).execute();
    if (kind === 'receipt') await trx.updateTable('disclosure_request').set({ confirmed_date: date, receipt_date: date }).where('id', '=', id).execute();
    await refreshDue(trx, id, ctx.config);
    await appendAudit(trx, { ...auditBy(actor), unitId: row.unit_id, action: `request.${kind}`, entityType: 'request', entityId: id, before: { status: row.status }, after: { date, ...data, status: nextStatus ?? row.status }, ip: req.ip });
  });
  return getRequest(ctx, actor, id);
}

export const confirmReceipt = (ctx: AppContext, actor: Actor, id: number, date: string, req: RequestInfo) =>
  step(ctx, actor, id, 'request.handle', ['awaiting_confirmation'], '只有待确认的申请需要确认收到', 'receipt', date, {}, 'processing', req);

/** 补正通知 (once, listing everything); the clock stops until the supplement arrives. */
export const requestSupplement = (ctx: AppContext, actor: Actor, id: number, v: { date: string; deadline: string; items: string }, req: RequestInfo) =>
  step(ctx, actor, id, 'request.handle', ['processing'], '只有办理中的申请可以要求补正', 'supplement_requested', v.date, { deadline: v.deadline, items: v.items }, 'supplement', req, async (row) => {
    if (v.deadline <= v.date) throw badRequest('invalid_deadline', '补正期限应晚于通知日期');
    const earlier = await ctx.db.selectFrom('request_event').select('id').where('request_id', '=', row.id).where('kind', '=', 'supplement_requested').executeTakeFirst();
    if (earlier) throw conflict('supplement_once', '补正应一次性告知，本申请已发出过补正通知');
  });

export const supplementReceived = (ctx: AppContext, actor: Actor, id: number, date: string, req: RequestInfo) =>
  step(ctx, actor, id, 'request.handle', ['supplement'], '只有待补正的申请可以登记补正材料', 'supplement_received', date, {}, 'processing', req);

/** 征求第三方或其他机关意见: the days it takes do not count (条例第三十二条、第三十四条). */
export const startConsultation = (ctx: AppContext, actor: Actor, id: number, v: { date: string; party: string; kind: 'third_party' | 'agency' }, req: RequestInfo) =>
  step(ctx, actor, id, 'request.handle', ['processing'], '只有办理中的申请可以征求意见', 'consult_started', v.date, { party: v.party, partyKind: v.kind }, 'consulting', req);

export const endConsultation = (ctx: AppContext, actor: Actor, id: number, v: { date: string; result: string }, req: RequestInfo) =>
  step(ctx, actor, id, 'request.handle', ['consulting'], '该申请没有正在进行的征求意见', 'consult_ended', v.date, { result: v.result }, 'processing', req);

/** 延期: once, at most 20 working days, approved by the head of the disclosure office. */
export const extendDeadline = (ctx: AppContext, actor: Actor, id: number, v: { date: string; workdays: number; reason: string }, req: RequestInfo) =>
  step(ctx, actor, id, 'request.extend', ['processing', 'consulting'], '只有办理中的申请可以延期', 'extended', v.date, { workdays: v.workdays, reason: v.reason, approvedBy: actor.displayName }, null, req, async (row) => {
    if (v.workdays < 1 || v.workdays > MAX_EXTENSION_WORKDAYS) throw badRequest('invalid_extension', `延长期限最长不超过 ${MAX_EXTENSION_WORKDAYS} 个工作日`);
    const earlier = await ctx.db.selectFrom('request_event').select('id').where('request_id', '=', row.id).where('kind', '=', 'extended').executeTakeFirst();
    if (earlier) throw conflict('extension_once', '答复期限只能延长一次');
  });

export const addNote = (ctx: AppContext, actor: Actor, id: number, text: string, req: RequestInfo) =>
  step(ctx, actor, id, 'request.handle', ['awaiting_confirmation', 'processing', 'supplement', 'consulting', 'replied', 'delivered'], '已归档的申请不能再添加备注', 'note', beijingToday(), { text }, null, req);

/** A case for staff: personal data in full only for those who handle it, masked for readers (领导). */
export async function getRequest(ctx: AppContext, actor: Actor, id: number) {
  const row = await load(ctx.db, actor, id, 'request.read');
  const handler = can(actor, 'request.handle', row.unit_path);
  const clock = await clockOf(ctx.db, id, ctx.config);
  const events = await ctx.db.selectFrom('request_event').selectAll().where('request_id', '=', id).orderBy('id').execute();
  const reply = await ctx.db.selectFrom('request_reply').selectAll().where('request_id', '=', id).executeTakeFirst();
  return {
    reply: reply ? { outcome: reply.outcome, date: reply.reply_date, referenceNo: reply.reference_no } : null,
    files: handler ? await listRequestFiles(ctx.db, id) : [],
    publication: await publicationOf(ctx.db, id),
    id: row.id, trackingCode: row.tracking_code, unitId: row.unit_id, unitName: row.unit_name, status: row.status, statusLabel: REQUEST_STATUS_LABELS[row.status],
    applicantType: row.applicant_type, applicantName: handler ? row.applicant_name : maskName(row.applicant_name)!, idType: row.id_type,
    idNumber: handler ? ctx.pii.decrypt(row.id_number_enc) : row.id_number_mask, phone: handler ? ctx.pii.decrypt(row.phone_enc) : row.phone_mask,
    email: handler ? ctx.pii.decrypt(row.email_enc) : null, address: handler ? ctx.pii.decrypt(row.address_enc) : null, contactPerson: row.contact_person,
    description: row.description, docNo: row.doc_no, preferredForm: row.preferred_form, delivery: row.delivery, channel: row.channel,
    submittedDate: row.submitted_date, receiptDate: row.receipt_date, due: clock.due, supplementNoticeDue: clock.supplementNoticeDue, clockState: clock.state,
    erasedAt: row.erased_at, explanation: clock.explanation, calendarMissing: clock.calendarMissing ?? null, personalDataVisible: handler,
    events: events.map((e) => ({ kind: e.kind, label: EVENT_LABELS[e.kind] ?? e.kind, date: e.date, data: JSON.parse(e.data) as Record<string, unknown>, actorName: e.actor_name, at: e.at })),
  };
}

/** Lists never carry personal data beyond masked values. */
export async function listRequests(ctx: AppContext, actor: Actor, q: { status?: RequestStatus | undefined; unitId?: number | undefined; overdue?: boolean | undefined; dueWithinDays?: number | undefined; page: number; pageSize: number }) {
  const scope = scopeOf(actor, 'request.read');
  if (!scope.length) throw forbidden('您无权查看依申请公开');
  let query = ctx.db.selectFrom('disclosure_request').innerJoin('unit', 'unit.id', 'disclosure_request.unit_id').where((eb) => scopeCondition(eb, 'unit.path', scope));
  if (q.status) query = query.where('disclosure_request.status', '=', q.status);
  if (q.unitId) query = query.where('disclosure_request.unit_id', '=', q.unitId);
  if (q.overdue) query = query.where('disclosure_request.due_date', '<', beijingToday()).where('disclosure_request.status', 'in', ['processing', 'supplement', 'consulting']);
  if (q.dueWithinDays !== undefined) {
    // 到期提醒: open cases due from today up to N calendar days ahead.
    query = query.where('disclosure_request.due_date', '>=', beijingToday()).where('disclosure_request.due_date', '<=', addDays(beijingToday(), q.dueWithinDays))
      .where('disclosure_request.status', 'in', ['processing', 'supplement', 'consulting']);
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll('disclosure_request').select('unit.name as unit_name').orderBy('disclosure_request.due_date').orderBy('disclosure_request.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return {
    total,
    items: rows.map((r) => ({
      id: r.id, trackingCode: r.tracking_code, unitName: r.unit_name, applicantName: maskName(r.applicant_name)!, applicantType: r.applicant_type, channel: r.channel,
      description: r.description.slice(0, 80), receiptDate: r.receipt_date, due: r.due_date, status: r.status, statusLabel: REQUEST_STATUS_LABELS[r.status],
    })),
  };
}

/** What the applicant sees with the tracking code: status and dates, never personal data. */
export async function trackRequest(ctx: AppContext, code: string) {
  const row = await ctx.db.selectFrom('disclosure_request').innerJoin('unit', 'unit.id', 'disclosure_request.unit_id').select(['disclosure_request.id', 'disclosure_request.tracking_code', 'disclosure_request.status', 'disclosure_request.submitted_date', 'disclosure_request.receipt_date', 'unit.name as unit_name'])
    .where('disclosure_request.tracking_code', '=', code.trim().toUpperCase()).executeTakeFirst();
  if (!row) throw new AppError(404, 'not_found', '查询码不存在，请核对后重新输入');
  const clock = await clockOf(ctx.db, row.id, ctx.config);
  const events = await ctx.db.selectFrom('request_event').select(['kind', 'date', 'data']).where('request_id', '=', row.id).where('public', '=', 1).orderBy('id').execute();
  return {
    trackingCode: row.tracking_code, unitName: row.unit_name, status: row.status, statusLabel: REQUEST_STATUS_LABELS[row.status],
    submittedDate: row.submitted_date, receiptDate: row.receipt_date, due: clock.due,
    events: events.map((e) => {
      const d = JSON.parse(e.data) as Record<string, unknown>;
      const detail = e.kind === 'supplement_requested' ? `请于 ${String(d.deadline)} 前补正：${String(d.items)}`
        : e.kind === 'extended' ? `延长 ${String(d.workdays)} 个工作日`
        : e.kind === 'replied' || e.kind === 'delivered' ? String(d.label)
        : e.kind === 'fee_notice' ? `应缴 ${String(d.amount)} 元，请于 ${String(d.payBy)} 前缴纳`
        : e.kind === 'transferred' ? `由${String(d.from)}转${String(d.to)}办理`
        : e.kind === 'split' && Array.isArray(d.into) ? `按一事一申请拆分，新查询码：${(d.into as string[]).join('、')}` : null;
      return { date: e.date, label: EVENT_LABELS[e.kind] ?? e.kind, detail };
    }),
  };
}

/** The applicant's n-th request in the natural month of this one's receipt (for the per-request fee). */
async function nthRequestOfMonth(db: Kysely<Database>, row: { id: number; applicant_key: string | null; receipt_date: string | null }) {
  if (!row.applicant_key || !row.receipt_date) return 1;
  const month = row.receipt_date.slice(0, 7);
  const earlier = await db.selectFrom('disclosure_request').select(['id', 'receipt_date']).where('applicant_key', '=', row.applicant_key)
    .where('receipt_date', '>=', `${month}-01`).where('receipt_date', '<=', `${month}-31`).execute();
  return earlier.filter((r) => r.receipt_date! < row.receipt_date! || (r.receipt_date === row.receipt_date && r.id <= row.id)).length;
}

/**
 * 收费通知: the amount follows the national scales on the chosen basis; payment is due within 20 working
 * days after the notice. Whether the wait stops the reply clock is the FEE_PAUSES_CLOCK setting.
 */
export async function feeNotice(ctx: AppContext, actor: Actor, id: number, v: { date: string; basis: FeeBasis; pages?: number | undefined }, req: RequestInfo) {
  const row = await load(ctx.db, actor, id, 'request.handle');
  const amount = v.basis === 'per_request' ? perRequestFee(await nthRequestOfMonth(ctx.db, row)) : perVolumeFee(v.pages ?? 0);
  if (amount === 0) throw badRequest('fee_free', v.basis === 'per_request' ? '该申请人本月申请未超过 10 件，不收费' : '页数未超过 30 页，不收费');
  let payBy: string;
  try {
    payBy = addWorkdays(await loadCalendar(ctx.db), v.date, FEE_PAYMENT_WORKDAYS).due;
  } catch (err) {
    if (err instanceof CalendarGapError) throw new AppError(422, 'calendar_not_available', err.message);
    throw err;
  }
  return step(ctx, actor, id, 'request.handle', ['processing'], '只有办理中的申请可以发出收费通知', 'fee_notice', v.date, { basis: v.basis, pages: v.pages ?? null, amount, payBy }, null, req, async () => {
    const earlier = await ctx.db.selectFrom('request_event').select('id').where('request_id', '=', id).where('kind', '=', 'fee_notice').executeTakeFirst();
    if (earlier) throw conflict('fee_once', '该申请已发出过收费通知');
  });
}

export const feePaid = (ctx: AppContext, actor: Actor, id: number, v: { date: string; receiptNo: string }, req: RequestInfo) =>
  step(ctx, actor, id, 'request.handle', ['processing'], '只有办理中的申请可以登记缴费', 'fee_paid', v.date, { receiptNo: v.receiptNo }, null, req, async () => {
    const notice = await ctx.db.selectFrom('request_event').select('id').where('request_id', '=', id).where('kind', '=', 'fee_notice').executeTakeFirst();
    if (!notice) throw conflict('no_fee_notice', '该申请没有收费通知');
  });

/**
 * 转办: hands a case to another unit of the same government (the disclosure office assigns to departments,
 * departments hand back); the receipt date and the clock stay as they are.
 */
export async function transferRequest(ctx: AppContext, actor: Actor, id: number, v: { unitId: number; reason: string }, req: RequestInfo) {
  const row = await load(ctx.db, actor, id, 'request.handle');
  assertStatus(row, ['awaiting_confirmation', 'processing', 'supplement', 'consulting'], '已答复的申请不能转办');
  const target = await unitRepository(ctx.db).findById(v.unitId);
  if (!target) throw badRequest('unit_not_found', '转办单位不存在');
  if (target.id === row.unit_id) throw badRequest('same_unit', '转办单位与当前单位相同');
  if (!inScope([{ subtree: actor.governmentPath }], target.path)) throw forbidden('只能在本级政府及其部门、下级单位之间转办');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('disclosure_request').set({ unit_id: target.id, updated_at: nowIso() }).where('id', '=', id).execute();
    await addEvent(trx, id, 'transferred', beijingToday(), { from: row.unit_name, to: target.name, reason: v.reason }, actor.displayName);
    await appendAudit(trx, { ...auditBy(actor), unitId: row.unit_id, action: 'request.transferred', entityType: 'request', entityId: id, before: { unitId: row.unit_id }, after: { unitId: target.id, reason: v.reason }, ip: req.ip });
  });
  return { id, unitName: target.name };
}

/**
 * 拆分: an application asking for several unrelated items becomes one case per item (一事一申请); the
 * first item stays in this case, each other becomes a new case with the same applicant, receipt and clock.
 */
export async function splitRequest(ctx: AppContext, actor: Actor, id: number, parts: string[], req: RequestInfo) {
  const row = await load(ctx.db, actor, id, 'request.handle');
  assertStatus(row, ['awaiting_confirmation', 'processing', 'supplement', 'consulting'], '已答复的申请不能拆分');
  if (parts.length < 2) throw badRequest('split_parts', '拆分至少需要两项');
  const created: string[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    const { id: _id, unit_name: _n, unit_path: _p, ...fields } = row;
    await trx.updateTable('disclosure_request').set({ description: parts[0]!, updated_at: nowIso() }).where('id', '=', id).execute();
    const events = await trx.selectFrom('request_event').selectAll().where('request_id', '=', id).orderBy('id').execute();
    for (const part of parts.slice(1)) {
      const code = newCode();
      const now = nowIso();
      const { id: childId } = await trx.insertInto('disclosure_request').values({ ...fields, tracking_code: code, description: part, parent_id: id, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      for (const { id: _e, request_id: _r, ...e } of events) await trx.insertInto('request_event').values({ ...e, request_id: childId }).execute();
      await addEvent(trx, childId, 'split', beijingToday(), { from: row.tracking_code }, actor.displayName);
      await refreshDue(trx, childId, ctx.config);
      created.push(code);
    }
    await addEvent(trx, id, 'split', beijingToday(), { into: created }, actor.displayName);
    await appendAudit(trx, { ...auditBy(actor), unitId: row.unit_id, action: 'request.split', entityType: 'request', entityId: id, after: { parts: parts.length, created }, ip: req.ip });
  });
  return { trackingCodes: [row.tracking_code, ...created] };
}
