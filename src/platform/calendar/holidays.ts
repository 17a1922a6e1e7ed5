import { createRequire } from 'node:module';
import type { Kysely, Migration } from 'kysely';
import { nowIso } from '../db/database.js';
import { addDays, type WorkdayCalendar } from './calendar.js';

/**
 * The official working-day calendar (国务院办公厅 节假日安排): dates that differ from the Monday–Friday
 * rule (holidays off, 调休 make-up working days on weekends), and the years for which the arrangement is
 * known. Computation into a year without data fails: it never guesses.
 */
export interface CalendarDayTable {
  day: string;
  kind: 'off' | 'work';
  name: string;
}

export interface CalendarYearTable {
  year: number;
  source: string;
  updated_at: string;
  updated_by: string;
}

export interface CalendarTables {
  calendar_day: CalendarDayTable;
  calendar_year: CalendarYearTable;
}

export interface CalendarData {
  days: Map<string, { kind: 'off' | 'work'; name: string }>;
  years: Set<number>;
}

export class CalendarGapError extends Error {
  constructor(readonly year: number) {
    super(`计算期限需要 ${year} 年的节假日安排，系统尚未录入（国务院办公厅通常于上一年 11 月公布），请系统管理员录入后再计算`);
    this.name = 'CalendarGapError';
  }
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const weekday = (date: string) => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

export function isWorkday(data: CalendarData, date: string): boolean {
  const year = Number(date.slice(0, 4));
  if (!data.years.has(year)) throw new CalendarGapError(year);
  const special = data.days.get(date);
  if (special) return special.kind === 'work';
  return !isWeekend(date);
}

export interface Deadline {
  due: string;
  /** Each period, holiday and make-up day that moved the date, in words a person can check. */
  explanation: string[];
}

/**
 * The n-th working day after `from` (民法典 第二百零一条: the start day is not counted), with the
 * explanation of every holiday and make-up working day on the way.
 */
export function addWorkdays(data: CalendarData, from: string, n: number): Deadline {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('workdays must be a positive integer');
  const steps: Array<{ day: string; kind: 'holiday' | 'weekend' | 'makeup' | 'work'; name: string; count: number }> = [];
  let day = from;
  let counted = 0;
  while (counted < n) {
    day = addDays(day, 1);
    const working = isWorkday(data, day);
    const special = data.days.get(day);
    if (working) counted += 1;
    steps.push({ day, kind: working ? (special ? 'makeup' : 'work') : special ? 'holiday' : 'weekend', name: special?.name ?? '', count: counted });
  }
  const explanation = [`起算日 ${from}（${weekday(from)}）不计入（民法典第二百零一条），自次日起计算 ${n} 个工作日。`];
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    if (s.kind === 'holiday') {
      let j = i;
      while (steps[j + 1]?.kind === 'holiday' && steps[j + 1]!.name === s.name) j += 1;
      explanation.push(i === j ? `${s.day} ${s.name}放假，不计。` : `${s.day} 至 ${steps[j]!.day} ${s.name}放假，不计。`);
      i = j;
    } else if (s.kind === 'makeup') {
      explanation.push(`${s.day}（${weekday(s.day)}）${s.name}调休上班，计为第 ${s.count} 个工作日。`);
    }
  }
  const weekends = steps.filter((s) => s.kind === 'weekend').length;
  if (weekends) explanation.push(`其间普通周末 ${weekends} 天不计。`);
  explanation.push(`第 ${n} 个工作日为 ${day}（${weekday(day)}），即期限届满日。`);
  return { due: day, explanation };
}

/** The calendar as the WorkdayCalendar interface other code depends on. */
export const holidayCalendar = (data: CalendarData): WorkdayCalendar => ({
  addWorkdays: (from, n) => addWorkdays(data, from, n).due,
  description: '按国务院办公厅公布的节假日安排（含调休）计算工作日',
});

export async function loadCalendar(executor: Kysely<any>): Promise<CalendarData> {
  const db = executor as Kysely<CalendarTables>;
  const [days, years] = await Promise.all([db.selectFrom('calendar_day').selectAll().execute(), db.selectFrom('calendar_year').select('year').execute()]);
  return { days: new Map(days.map((d) => [d.day, { kind: d.kind, name: d.name }])), years: new Set(years.map((y) => y.year)) };
}

/** Replaces one year's arrangement (the admin's edit when the State Council publishes a new year). */
export async function replaceYear(executor: Kysely<any>, year: number, source: string, days: CalendarDayTable[], by: string) {
  const db = executor as Kysely<CalendarTables>;
  await db.deleteFrom('calendar_day').where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`).execute();
  if (days.length) await db.insertInto('calendar_day').values(days).execute();
  await db.deleteFrom('calendar_year').where('year', '=', year).execute();
  await db.insertInto('calendar_year').values({ year, source, updated_at: nowIso(), updated_by: by }).execute();
}

const require = createRequire(import.meta.url);

/** Official arrangements 2004–2026 from the chinese-days package (data compiled from the State Council notices). */
export const calendarMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('calendar_day')
      .addColumn('day', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createTable('calendar_year')
      .addColumn('year', 'integer', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .execute();
    const data = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
    const cn = (v: string) => v.split(',')[1] ?? v;
    const rows: CalendarDayTable[] = [
      ...Object.entries(data.holidays).map(([day, v]) => ({ day, kind: 'off' as const, name: cn(v) })),
      ...Object.entries(data.workdays).map(([day, v]) => ({ day, kind: 'work' as const, name: cn(v) })),
    ];
    for (let i = 0; i < rows.length; i += 200) await db.insertInto('calendar_day').values(rows.slice(i, i + 200)).execute();
    const years = [...new Set(rows.map((r) => Number(r.day.slice(0, 4))))].sort();
    const now = nowIso();
    await db.insertInto('calendar_year').values(years.map((year) => ({ year, source: '国务院办公厅关于部分节假日安排的通知（数据来自 chinese-days 1.5.7）', updated_at: now, updated_by: '系统' }))).execute();
  },
};
