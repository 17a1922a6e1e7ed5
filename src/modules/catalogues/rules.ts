import type { WorkdayCalendar } from '../../platform/calendar/calendar.js';
import type { TimeLimitKind, WatchState } from './enums.js';

export interface TimeRule {
  kind: TimeLimitKind;
  /** Working days or calendar days; 0 for real-time. */
  amount: number;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** "二十" → 20, "十五" → 15, "7" → 7. */
function toNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[一二两三四五六七八九十]+$/.test(s)) return null;
  if (s === '十') return 10;
  const [tens, ones] = s.includes('十') ? s.split('十') : ['', s];
  return (tens ? CN_DIGITS[tens]! : s.includes('十') ? 1 : 0) * (s.includes('十') ? 10 : 1) + (ones ? CN_DIGITS[ones]! : 0);
}

/**
 * Reads the rule in a 公开时限 text: "自信息形成或者变更之日起20个工作日内" → 20 working days,
 * "3个工作日内" → 3, "10日内" → 10 calendar days, "实时公开" → real time. Vague texts ("及时公开",
 * "长期") give null: people must read them.
 */
export function parseTimeLimit(text: string | null | undefined): TimeRule | null {
  if (!text) return null;
  const t = text.replace(/\s/g, '');
  if (/实时/.test(t)) return { kind: 'realtime', amount: 0 };
  const work = /([0-9一二两三四五六七八九十]+)个?工作日/.exec(t);
  if (work) {
    const n = toNumber(work[1]!);
    return n ? { kind: 'workdays', amount: n } : null;
  }
  const days = /([0-9一二两三四五六七八九十]+)个?(?:自然)?日(?!常)|([0-9一二两三四五六七八九十]+)天/.exec(t);
  if (days) {
    const n = toNumber(days[1] ?? days[2]!);
    return n ? { kind: 'days', amount: n } : null;
  }
  return null;
}

export function describeRule(rule: TimeRule | null): string {
  if (!rule) return '未量化';
  if (rule.kind === 'realtime') return '实时';
  return rule.kind === 'workdays' ? `${rule.amount} 个工作日` : `${rule.amount} 日`;
}

/** Date by which information formed on `formed` must be public. */
export function dueDate(rule: TimeRule, formed: string, calendar: WorkdayCalendar): string {
  if (rule.kind === 'realtime') return formed;
  if (rule.kind === 'days') return new Date(Date.parse(`${formed}T00:00:00Z`) + rule.amount * 86_400_000).toISOString().slice(0, 10);
  return calendar.addWorkdays(formed, rule.amount);
}

export interface LinkedDocument {
  id: number;
  title: string;
  /** 成文日期 = when the information was formed. */
  writtenDate: string;
  /** Beijing date of publication, null while unpublished. */
  publishedDate: string | null;
}

export interface WatchRow {
  state: WatchState;
  /** The document that decides the state (latest late one, or the most urgent pending one). */
  document?: LinkedDocument & { due: string; daysLate?: number };
}

/**
 * 目录事项监测: an item is 逾期 when a linked document was published after its due date or is still
 * unpublished past it, 即将到期 when an unpublished one falls due within `soonDays`, 尚未公开 when nothing
 * was ever published for it, and 按时公开 otherwise.
 */
export function watchItem(rule: TimeRule | null, docs: LinkedDocument[], today: string, calendar: WorkdayCalendar, soonDays = 5): WatchRow {
  if (!rule) return { state: docs.some((d) => d.publishedDate) ? 'no_rule' : 'never' };
  const withDue = docs.map((d) => ({ ...d, due: dueDate(rule, d.writtenDate, calendar) }));
  const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
  const late = withDue
    .filter((d) => (d.publishedDate ? d.publishedDate > d.due : today > d.due))
    .map((d) => ({ ...d, daysLate: daysBetween(d.due, d.publishedDate ?? today) }))
    .sort((a, b) => b.writtenDate.localeCompare(a.writtenDate));
  if (late.length) return { state: 'overdue', document: late[0]! };
  const soon = withDue.filter((d) => !d.publishedDate && daysBetween(today, d.due) <= soonDays).sort((a, b) => a.due.localeCompare(b.due));
  if (soon.length) return { state: 'due_soon', document: soon[0]! };
  const published = withDue.filter((d) => d.publishedDate).sort((a, b) => b.writtenDate.localeCompare(a.writtenDate));
  if (!published.length) return { state: 'never' };
  return { state: 'on_time', document: published[0]! };
}
