import type { AppContext } from '../../context.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { addWorkdays, CalendarGapError, loadCalendar, replaceYear, type CalendarDayTable } from '../../platform/calendar/holidays.js';
import { AppError, badRequest, forbidden } from '../../platform/http/errors.js';
import { can, type Actor } from '../accounts/policy.js';
import { auditBy, type RequestInfo } from '../accounts/service.js';
import { refreshOpenDues } from '../requests/service.js';

/** The calendar's "no data for that year" as a client error with a stable code. */
export function calendarError(err: unknown): never {
  if (err instanceof CalendarGapError) throw new AppError(422, 'calendar_not_available', err.message);
  throw err;
}

export async function deadline(ctx: AppContext, from: string, workdays: number) {
  try {
    return addWorkdays(await loadCalendar(ctx.db), from, workdays);
  } catch (err) {
    return calendarError(err);
  }
}

const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

/** Rules for one year's entry: dates in that year, once each; make-up working days fall on weekends. */
export function yearProblems(year: number, days: CalendarDayTable[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const d of days) {
    if (!d.day.startsWith(`${year}-`)) problems.push(`${d.day} 不在 ${year} 年内`);
    if (seen.has(d.day)) problems.push(`${d.day} 重复`);
    seen.add(d.day);
    if (d.kind === 'work' && !isWeekend(d.day)) problems.push(`${d.day} 不是周末，不能设为调休上班日`);
  }
  return problems;
}

/** 录入/修改某年节假日安排 (system administrator); audited with the previous entry. */
export async function saveYear(ctx: AppContext, actor: Actor, year: number, source: string, days: CalendarDayTable[], req: RequestInfo) {
  if (!can(actor, 'calendar.manage', '/')) throw forbidden('只有系统管理员可以维护节假日日历');
  const problems = yearProblems(year, days);
  if (problems.length) throw badRequest('invalid_calendar', `节假日安排有误：${problems.slice(0, 10).join('；')}`);
  const before = await ctx.db.selectFrom('calendar_day').selectAll().where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`).orderBy('day').execute();
  await ctx.db.transaction().execute(async (trx) => {
    await replaceYear(trx, year, source, days, actor.displayName);
    await appendAudit(trx, { ...auditBy(actor), action: 'calendar.update', entityType: 'calendar_year', entityId: year, before: { days: before.length }, after: { source, days: days.length, off: days.filter((d) => d.kind === 'off').map((d) => d.day), work: days.filter((d) => d.kind === 'work').map((d) => d.day) }, ip: req.ip });
  });
  // Open cases take their due dates from the new table at once.
  await refreshOpenDues(ctx.db, ctx.config);
}
