import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkdayCalendar } from '../../platform/calendar/calendar.js';
import { dueDate, parseTimeLimit, watchItem } from './rules.js';

describe('parseTimeLimit', () => {
  it('reads the usual wordings of 公开时限', () => {
    assert.deepEqual(parseTimeLimit('自信息形成或者变更之日起20个工作日内'), { kind: 'workdays', amount: 20 });
    assert.deepEqual(parseTimeLimit('20工作日'), { kind: 'workdays', amount: 20 });
    assert.deepEqual(parseTimeLimit('信息形成之日起二十个工作日内予以公开'), { kind: 'workdays', amount: 20 });
    assert.deepEqual(parseTimeLimit('3个工作日内'), { kind: 'workdays', amount: 3 });
    assert.deepEqual(parseTimeLimit('作出决定之日起7日内'), { kind: 'days', amount: 7 });
    assert.deepEqual(parseTimeLimit('十五天内'), { kind: 'days', amount: 15 });
    assert.deepEqual(parseTimeLimit('实时公开'), { kind: 'realtime', amount: 0 });
  });
  it('leaves vague limits to people', () => {
    assert.equal(parseTimeLimit('及时公开'), null);
    assert.equal(parseTimeLimit('长期公开，最新有效'), null);
    assert.equal(parseTimeLimit(''), null);
  });
});

describe('watchItem', () => {
  const rule = { kind: 'workdays' as const, amount: 20 };
  // A Monday-to-Friday calendar for the test, so the rule's working days are visible.
  const weekdays: WorkdayCalendar = {
    description: 'test',
    addWorkdays(from, n) {
      let d = new Date(`${from}T00:00:00Z`);
      while (n > 0) {
        d = new Date(d.getTime() + 86_400_000);
        if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) n -= 1;
      }
      return d.toISOString().slice(0, 10);
    },
  };
  it('computes due dates through the calendar interface', () => {
    assert.equal(dueDate(rule, '2026-03-02', weekdays), '2026-03-30');
    assert.equal(dueDate({ kind: 'days', amount: 20 }, '2026-03-02', weekdays), '2026-03-22');
  });
  it('flags a document published after 20 working days as overdue', () => {
    const row = watchItem(rule, [{ id: 1, title: '某公示', writtenDate: '2026-03-02', publishedDate: '2026-04-10' }], '2026-05-01', weekdays);
    assert.equal(row.state, 'overdue');
    assert.equal(row.document?.due, '2026-03-30');
    assert.equal(row.document?.daysLate, 11);
  });
  it('tells on time, due soon, pending overdue and never fulfilled apart', () => {
    assert.equal(watchItem(rule, [{ id: 1, title: 'a', writtenDate: '2026-03-02', publishedDate: '2026-03-20' }], '2026-05-01', weekdays).state, 'on_time');
    assert.equal(watchItem(rule, [{ id: 1, title: 'a', writtenDate: '2026-03-02', publishedDate: null }], '2026-03-27', weekdays).state, 'due_soon');
    assert.equal(watchItem(rule, [{ id: 1, title: 'a', writtenDate: '2026-03-02', publishedDate: null }], '2026-04-01', weekdays).state, 'overdue');
    assert.equal(watchItem(rule, [], '2026-04-01', weekdays).state, 'never');
    assert.equal(watchItem(null, [{ id: 1, title: 'a', writtenDate: '2026-03-02', publishedDate: '2026-03-03' }], '2026-04-01', weekdays).state, 'no_rule');
  });
});
