import type { Kysely, Migration } from 'kysely';
import type { Generated } from 'kysely';
import type { AppContext } from '../../context.js';
import { addDays, beijingToday } from '../../platform/calendar/calendar.js';
import { addWorkdays, loadCalendar } from '../../platform/calendar/holidays.js';
import { idColumnType, nowIso } from '../../platform/db/database.js';
import { can } from '../accounts/policy.js';
import { userRepository } from '../accounts/repository.js';
import { toActor } from '../accounts/service.js';
import { REQUEST_STATUS_LABELS } from './enums.js';

/** 到期提醒 sent by e-mail: one row per case, kind and due date, so that a reminder goes out once even from several processes. */
export interface RequestReminderTable {
  id: Generated<number>;
  request_id: number;
  kind: 'due_soon' | 'overdue';
  due_date: string;
  recipients: number;
  sent_at: string;
}

export interface ReminderTables {
  request_reminder: RequestReminderTable;
}

export const reminderMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('request_reminder')
      .addColumn('id', idColumnType(db))
      .addColumn('request_id', 'integer', (c) => c.notNull().references('disclosure_request.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('due_date', 'text', (c) => c.notNull())
      .addColumn('recipients', 'integer', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('request_reminder_once', ['request_id', 'kind', 'due_date'])
      .execute();
  },
};

/** Who is reminded: the unit's own handlers before the due date; once overdue, the supervising disclosure office too. */
export function pickRecipients(users: Array<{ email: string; roles: string[]; unitPath: string; mayHandle: boolean }>, caseUnitPath: string, kind: 'due_soon' | 'overdue'): string[] {
  const handlers = users.filter((u) => u.mayHandle && u.unitPath === caseUnitPath && u.roles.includes('request_handler'));
  const supervisors = users.filter((u) => u.mayHandle && u.roles.includes('disclosure_office'));
  const chosen = kind === 'overdue' || handlers.length === 0 ? [...handlers, ...supervisors] : handlers;
  return [...new Set(chosen.map((u) => u.email))];
}

/** The reminder text: the case's code, unit, dates and a link; never the applicant or the request's wording. */
export function reminderMail(c: { trackingCode: string; unitName: string; receiptDate: string | null; due: string; status: string; id: number }, kind: 'due_soon' | 'overdue', publicUrl: string) {
  const headline = kind === 'overdue' ? `已超过答复期限（${c.due}）` : `将于 ${c.due} 到期`;
  return {
    subject: `【依申请公开${kind === 'overdue' ? '超期' : '到期'}提醒】${c.trackingCode} ${headline}`,
    text: [
      `${c.unitName}：`,
      `查询码为 ${c.trackingCode} 的政府信息公开申请${headline}，请及时办理。`,
      `收到申请日期：${c.receiptDate ?? '—'}`,
      `答复期限：${c.due}`,
      `当前状态：${REQUEST_STATUS_LABELS[c.status as keyof typeof REQUEST_STATUS_LABELS] ?? c.status}`,
      `办理入口：${publicUrl}/admin/requests/${c.id}`,
      '',
      '本邮件由政务公开平台自动发送，请勿回复。',
    ].join('\n'),
  };
}

/**
 * Sends the e-mail reminders that are due today (run hourly by the server; safe to repeat and to run in
 * several processes). Returns how many e-mails went out; none without an SMTP server.
 */
export async function sendDueReminders(ctx: AppContext, today = beijingToday()): Promise<number> {
  const mail = ctx.mail;
  if (!mail) return 0;
  let horizon: string;
  try {
    horizon = addWorkdays(await loadCalendar(ctx.db), today, ctx.config.reminderWorkdays).due;
  } catch {
    // The calendar does not reach that far: remind within the same number of calendar days.
    horizon = addDays(today, ctx.config.reminderWorkdays);
  }
  const cases = await ctx.db.selectFrom('disclosure_request').innerJoin('unit', 'unit.id', 'disclosure_request.unit_id')
    .select(['disclosure_request.id', 'disclosure_request.tracking_code', 'disclosure_request.receipt_date', 'disclosure_request.due_date', 'disclosure_request.status', 'unit.name as unit_name', 'unit.path as unit_path'])
    .where('disclosure_request.status', 'in', ['processing', 'consulting']).where('disclosure_request.due_date', 'is not', null).where('disclosure_request.due_date', '<=', horizon)
    .orderBy('disclosure_request.due_date').execute();
  if (!cases.length) return 0;
  const staff = (await userRepository(ctx.db).withEmail()).map((u) => ({ email: u.email!, actor: toActor(u), unitPath: u.unit_path }));
  let sent = 0;
  for (const c of cases) {
    const due = c.due_date!;
    const kind = due < today ? 'overdue' : 'due_soon';
    const to = pickRecipients(staff.map((s) => ({ email: s.email, roles: s.actor.roles, unitPath: s.unitPath, mayHandle: can(s.actor, 'request.handle', c.unit_path) })), c.unit_path, kind);
    if (!to.length) continue;
    const claim = await ctx.db.insertInto('request_reminder').values({ request_id: c.id, kind, due_date: due, recipients: to.length, sent_at: nowIso() })
      .onConflict((oc) => oc.columns(['request_id', 'kind', 'due_date']).doNothing()).executeTakeFirst();
    if (!Number(claim.numInsertedOrUpdatedRows ?? 0)) continue;
    try {
      await mail.send({ to, ...reminderMail({ id: c.id, trackingCode: c.tracking_code, unitName: c.unit_name, receiptDate: c.receipt_date, due, status: c.status }, kind, ctx.config.publicUrl) });
      sent += 1;
    } catch (err) {
      // Not sent: release the claim so that the next run tries again.
      await ctx.db.deleteFrom('request_reminder').where('request_id', '=', c.id).where('kind', '=', kind).where('due_date', '=', due).execute();
      throw err;
    }
  }
  return sent;
}
