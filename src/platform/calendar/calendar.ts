/**
 * Working-day arithmetic behind one interface; the implementation over the official holiday table is
 * `holidayCalendar` (holidays.ts). Dates are `YYYY-MM-DD` strings (Beijing calendar days).
 */
export interface WorkdayCalendar {
  /** The n-th working day after `from` (the start day itself is not counted, 民法典 第二百零一条). */
  addWorkdays(from: string, n: number): string;
  /** Short description shown next to computed dates. */
  readonly description: string;
}

export const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Today's date in Beijing. */
export const beijingToday = (now = new Date()) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
