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

const BEIJING_OFFSET = 8 * 3600_000;
/** Today's date in Beijing. */
export const beijingToday = (now = new Date()) => new Date(now.getTime() + BEIJING_OFFSET).toISOString().slice(0, 10);
/** The instant (ISO, UTC) at which a Beijing calendar year begins: year filters compare stored times with it. */
export const beijingYearStart = (year: number) => new Date(Date.UTC(year, 0, 1) - BEIJING_OFFSET).toISOString();
/** The Beijing calendar year of an instant given in milliseconds. */
export const beijingYear = (ms: number) => new Date(ms + BEIJING_OFFSET).getUTCFullYear();
