import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, testDatabases, type TestServer } from '../../../test/helpers.js';
import { addWorkdays, CalendarGapError, loadCalendar, replaceYear, type CalendarData } from './holidays.js';

for (const database of testDatabases()) {
  describe(`working-day calendar (${database.name})`, () => {
    let server: TestServer;
    let data: CalendarData;
    before(async () => {
      server = await startServer({ url: database.url, demoData: false });
      data = await loadCalendar(server.ctx.db);
    });
    after(() => server.close());

    it('has the official arrangements 2004–2026', () => {
      assert.equal(data.years.size, 23);
      assert.ok(data.years.has(2004) && data.years.has(2026) && !data.years.has(2027));
    });

    it('counts the worked examples (start day excluded, holidays skipped, make-up Saturdays counted)', () => {
      assert.equal(addWorkdays(data, '2026-09-21', 20).due, '2026-10-26');
      assert.equal(addWorkdays(data, '2026-09-21', 40).due, '2026-11-23');
      assert.equal(addWorkdays(data, '2026-09-21', 7).due, '2026-10-08');
      assert.equal(addWorkdays(data, '2026-04-30', 15).due, '2026-05-25');
      const spring = addWorkdays(data, '2026-01-26', 20);
      assert.equal(spring.due, '2026-02-28', 'the 20th working day is the make-up Saturday');
      assert.deepEqual(spring.explanation, [
        '起算日 2026-01-26（周一）不计入（民法典第二百零一条），自次日起计算 20 个工作日。',
        '2026-02-14（周六）春节调休上班，计为第 15 个工作日。',
        '2026-02-15 至 2026-02-23 春节放假，不计。',
        '2026-02-28（周六）春节调休上班，计为第 20 个工作日。',
        '其间普通周末 4 天不计。',
        '第 20 个工作日为 2026-02-28（周六），即期限届满日。',
      ]);
      // 2025: National Day and Mid-autumn combined 10-1..10-8, make-up Saturday 10-11.
      assert.equal(addWorkdays(data, '2025-09-30', 1).due, '2025-10-09');
    });

    it('refuses to count into a year without data instead of guessing', () => {
      assert.throws(() => addWorkdays(data, '2026-12-10', 20), (e: unknown) => e instanceof CalendarGapError && e.year === 2027 && /2027 年的节假日安排/.test(e.message));
    });

    it('uses a newly entered year at once', async () => {
      await replaceYear(server.ctx.db, 2027, '国务院办公厅关于2027年部分节假日安排的通知（测试）', [
        { day: '2027-01-01', kind: 'off', name: '元旦' },
      ], '测试');
      const next = await loadCalendar(server.ctx.db);
      assert.equal(addWorkdays(next, '2026-12-31', 1).due, '2027-01-04', '1 Jan 2027 is a Friday holiday, then the weekend');
    });
  });
}
