import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { CalendarGapError } from '../../platform/calendar/holidays.js';
import { officialCalendar } from '../../../test/calendar-data.js';
import { computeClock, receiptDate, trackingCode, workdaysBetween } from './rules.js';

const cal = officialCalendar();

describe('receipt date by channel (条例第三十一条)', () => {
  it('uses the submission, signature or confirmation day', () => {
    assert.equal(receiptDate('in_person', { submitted: '2026-03-02' }), '2026-03-02');
    assert.equal(receiptDate('post_signed', { submitted: '2026-03-02', signed: '2026-03-04' }), '2026-03-04');
    assert.equal(receiptDate('online', { submitted: '2026-03-02' }), null, 'not yet confirmed by both sides');
    assert.equal(receiptDate('online', { submitted: '2026-03-02', confirmed: '2026-03-03' }), '2026-03-03');
    assert.equal(receiptDate('post_ordinary', { submitted: '2026-03-02', confirmed: '2026-03-05' }), '2026-03-05');
  });
});

describe('reply clock', () => {
  it('gives 20 working days from receipt, across the Spring Festival and its make-up Saturdays', () => {
    const c = computeClock([{ kind: 'receipt', date: '2026-01-26' }], cal, '2026-01-27');
    assert.equal(c.due, '2026-02-28');
    assert.equal(c.supplementNoticeDue, '2026-02-04');
    assert.ok(c.explanation.some((l) => l.includes('2026-02-15 至 2026-02-23 春节放假')));
  });
  it('restarts from the day the supplement arrives, and stops while waiting for it', () => {
    const waiting = computeClock([{ kind: 'receipt', date: '2026-09-01' }, { kind: 'supplement_requested', date: '2026-09-03', deadline: '2026-09-18' }], cal, '2026-09-10');
    assert.equal(waiting.state, 'awaiting_supplement');
    assert.equal(waiting.due, null);
    const restarted = computeClock([
      { kind: 'receipt', date: '2026-09-01' }, { kind: 'supplement_requested', date: '2026-09-03', deadline: '2026-09-18' }, { kind: 'supplement_received', date: '2026-09-21' },
    ], cal, '2026-09-22');
    assert.equal(restarted.due, '2026-10-26');
  });
  it('does not count the working days of a third-party consultation', () => {
    assert.equal(workdaysBetween(cal, '2026-05-06', '2026-05-20'), 11, 'includes make-up Saturday 5-9');
    const c = computeClock([{ kind: 'receipt', date: '2026-04-30' }, { kind: 'consult_started', date: '2026-05-06', party: '第三方' }, { kind: 'consult_ended', date: '2026-05-20' }], cal, '2026-05-21');
    assert.equal(c.due, '2026-06-16', '2026-06-01 without the pause, 11 working days later with it');
    assert.ok(c.explanation.some((l) => l.includes('占用 11 个工作日')));
    const ongoing = computeClock([{ kind: 'receipt', date: '2026-04-30' }, { kind: 'consult_started', date: '2026-05-06', party: '第三方' }], cal, '2026-05-20');
    assert.equal(ongoing.state, 'paused');
    assert.equal(ongoing.due, '2026-06-16');
  });
  it('adds one approved extension', () => {
    const c = computeClock([{ kind: 'receipt', date: '2026-09-21' }, { kind: 'extended', date: '2026-10-20', workdays: 20 }], cal, '2026-10-20');
    assert.equal(c.due, '2026-11-23');
  });
  it('refuses to guess past the last year with data', () => {
    assert.throws(() => computeClock([{ kind: 'receipt', date: '2026-12-10' }], cal, '2026-12-11'), CalendarGapError);
  });
  it('has not started before the receipt is confirmed', () => {
    assert.equal(computeClock([], cal, '2026-03-01').state, 'not_started');
  });
});

describe('tracking codes', () => {
  it('are 12 characters without look-alike letters', () => {
    const code = trackingCode(randomBytes);
    assert.match(code, /^YS[2-9A-HJKMNP-Z]{10}$/);
  });
});
