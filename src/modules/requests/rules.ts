import { addDays } from '../../platform/calendar/calendar.js';
import { addWorkdays, isWorkday, type CalendarData } from '../../platform/calendar/holidays.js';
import type { Channel } from './enums.js';

export const REPLY_WORKDAYS = 20;
export const SUPPLEMENT_NOTICE_WORKDAYS = 7;
export const CONSULTATION_WORKDAYS = 15;
export const MAX_EXTENSION_WORKDAYS = 20;

/**
 * 收到申请之日 (条例第三十一条): in person, the day handed in; post needing a signature, the day signed for;
 * ordinary letters, online and fax, the day both sides confirmed it. Null while not yet confirmed.
 */
export function receiptDate(channel: Channel, dates: { submitted: string; signed?: string | null; confirmed?: string | null }): string | null {
  switch (channel) {
    case 'in_person':
      return dates.submitted;
    case 'post_signed':
      return dates.signed ?? null;
    case 'post_ordinary':
    case 'online':
    case 'fax':
      return dates.confirmed ?? null;
  }
}

/** One event of a case that moves its clock. Dates are Beijing calendar days. */
export type ClockEvent =
  | { kind: 'receipt'; date: string }
  | { kind: 'supplement_requested'; date: string; deadline: string }
  | { kind: 'supplement_received'; date: string }
  | { kind: 'consult_started'; date: string; party: string }
  | { kind: 'consult_ended'; date: string }
  | { kind: 'extended'; date: string; workdays: number }
  | { kind: 'fee_notice'; date: string }
  | { kind: 'fee_paid'; date: string };

export interface Clock {
  /** Reply due date, null before the receipt date is fixed or while awaiting a supplement. */
  due: string | null;
  /** Latest day for the one-time supplement notice (7 working days after receipt). */
  supplementNoticeDue: string | null;
  state: 'not_started' | 'running' | 'awaiting_supplement' | 'paused';
  /** Every period, pause and holiday that moved the date. */
  explanation: string[];
}

/** Working days in (a, b]: what a consultation from a to b takes out of the clock. */
export function workdaysBetween(data: CalendarData, a: string, b: string): number {
  let n = 0;
  for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (isWorkday(data, d)) n += 1;
  return n;
}

/**
 * The reply clock (条例第三十条、第三十二条、第三十三条): 20 working days from receipt; a supplement restarts it
 * from the day the supplement arrives; consultations of third parties or other agencies do not count; one
 * extension of at most 20 working days. `today` bounds a consultation still under way.
 */
export function computeClock(events: ClockEvent[], data: CalendarData, today: string, options: { feePausesClock?: boolean } = {}): Clock {
  const explanation: string[] = [];
  let start: string | null = null;
  let supplementNoticeDue: string | null = null;
  let awaiting = false;
  let paused = 0;
  let openConsult: { date: string; party: string } | null = null;
  let extension = 0;
  let openFee: string | null = null;
  for (const e of events) {
    switch (e.kind) {
      case 'receipt':
        start = e.date;
        supplementNoticeDue = addWorkdays(data, e.date, SUPPLEMENT_NOTICE_WORKDAYS).due;
        explanation.push(`${e.date} 收到申请，自次日起计算 ${REPLY_WORKDAYS} 个工作日的答复期限（条例第三十三条）；如需补正，应于 ${supplementNoticeDue} 前一次性告知（条例第三十条）。`);
        break;
      case 'supplement_requested':
        awaiting = true;
        explanation.push(`${e.date} 发出补正通知，补正期限至 ${e.deadline}；补正期间答复期限停止计算。`);
        break;
      case 'supplement_received':
        awaiting = false;
        start = e.date;
        paused = 0;
        explanation.push(`${e.date} 收到补正材料，答复期限自次日重新计算（条例第三十条）。`);
        break;
      case 'consult_started':
        openConsult = { date: e.date, party: e.party };
        break;
      case 'consult_ended':
        if (openConsult) {
          const n = workdaysBetween(data, openConsult.date, e.date);
          paused += n;
          explanation.push(`${openConsult.date} 至 ${e.date} 征求${openConsult.party}意见，占用 ${n} 个工作日，不计入答复期限（条例第三十二条、第三十三条）。`);
          openConsult = null;
        }
        break;
      case 'fee_notice':
        if (options.feePausesClock) openFee = e.date;
        break;
      case 'fee_paid':
        if (openFee) {
          const n = workdaysBetween(data, openFee, e.date);
          paused += n;
          explanation.push(`${openFee} 至 ${e.date} 等待缴纳信息处理费，占用 ${n} 个工作日，按本机关规定不计入答复期限。`);
          openFee = null;
        }
        break;
      case 'extended':
        extension += e.workdays;
        explanation.push(`${e.date} 经政府信息公开工作机构负责人同意延长答复期限 ${e.workdays} 个工作日并告知申请人（条例第三十三条）。`);
        break;
    }
  }
  if (!start) return { due: null, supplementNoticeDue: null, state: 'not_started', explanation: ['尚未确认收到申请，答复期限尚未开始计算。'] };
  if (awaiting) return { due: null, supplementNoticeDue, state: 'awaiting_supplement', explanation };
  let state: Clock['state'] = 'running';
  if (openFee) {
    const n = workdaysBetween(data, openFee, today);
    paused += n;
    state = 'paused';
    explanation.push(`${openFee} 起等待缴纳信息处理费（至今 ${n} 个工作日），期间期限暂停；以下日期按今日缴费估算。`);
  }
  if (openConsult) {
    const n = workdaysBetween(data, openConsult.date, today);
    paused += n;
    state = 'paused';
    explanation.push(`${openConsult.date} 起征求${openConsult.party}意见（至今 ${n} 个工作日），期间期限暂停；以下日期按今日结束征求意见估算。`);
  }
  const total = REPLY_WORKDAYS + extension + paused;
  const result = addWorkdays(data, start, total);
  explanation.push(`起算日 ${start} 后第 ${total} 个工作日（${REPLY_WORKDAYS}${extension ? ` + 延长 ${extension}` : ''}${paused ? ` + 暂停 ${paused}` : ''}）为 ${result.due}。`);
  explanation.push(...result.explanation.slice(1, -1));
  return { due: result.due, supplementNoticeDue, state, explanation };
}

/** Tracking codes people can read aloud: no 0/O, 1/I/L. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export function trackingCode(random: (n: number) => Buffer): string {
  const bytes = random(10);
  return `YS${[...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('')}`;
}
