import { createRequire } from 'node:module';
import type { CalendarData } from '../src/platform/calendar/holidays.js';

/** The seeded official calendar without a database, for pure rule tests. */
export function officialCalendar(): CalendarData {
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
  const days = new Map<string, { kind: 'off' | 'work'; name: string }>();
  for (const [day, v] of Object.entries(data.holidays)) days.set(day, { kind: 'off', name: v.split(',')[1]! });
  for (const [day, v] of Object.entries(data.workdays)) days.set(day, { kind: 'work', name: v.split(',')[1]! });
  return { days, years: new Set([...days.keys()].map((d) => Number(d.slice(0, 4)))) };
}
