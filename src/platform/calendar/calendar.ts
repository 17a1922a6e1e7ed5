/**
 * Working-day arithmetic behind one interface. The official holiday calendar (with 调休 make-up days)
 * arrives with the request-handling module; until then `calendarDayCounter` counts plain calendar days,
 * as the catalogue watch's interim rule. Dates are `YYYY-MM-DD` strings (Beijing calendar days).
 */
export interface WorkdayCalendar {
  /** The n-th working day after `from` (the start day itself is not counted, 民法典 第二百零一条). */
  addWorkdays(from: string, n: number): string;
  /** Short description shown next to computed dates. */
  readonly description: string;
}

export const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export const calendarDayCounter: WorkdayCalendar = {
  addWorkdays: (from, n) => addDays(from, n),
  description: '按自然日计算（节假日日历启用后改按工作日）',
};

/** Today's date in Beijing. */
export const beijingToday = (now = new Date()) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
