import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { as, Client, startServer, testDatabases, unitId, type TestServer } from '../../../test/helpers.js';

for (const database of testDatabases()) {
  describe(`calendar API (${database.name})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer({ url: database.url });
    });
    after(() => server.close());

    it('answers the deadline with an explanation, and 422 past the last year with data', async () => {
      const c = new Client(server.baseUrl);
      const ok = await c.get('/api/v1/calendar/deadline?from=2026-01-26&workdays=20');
      assert.equal(ok.status, 200);
      assert.equal(ok.body.due, '2026-02-28');
      assert.ok(ok.body.explanation.some((l: string) => l.includes('2026-02-15 至 2026-02-23 春节放假')));
      const gap = await c.get('/api/v1/calendar/deadline?from=2026-12-10&workdays=20');
      assert.equal(gap.status, 422);
      assert.equal(gap.body.code, 'calendar_not_available');
      assert.match(gap.body.message, /2027 年/);
      assert.equal((await c.get('/api/v1/calendar/deadline?from=2026-02-30&workdays=20')).status, 400);
      assert.equal((await c.get('/api/v1/calendar/deadline?from=2026-02-01&workdays=0')).status, 400);
      const page = await c.get('/tools/deadline?from=2026-01-26&workdays=20');
      assert.match(page.text, /期限届满日：<strong>2026-02-28/);
    });

    it('lets the system administrator enter a new year, audited, and nobody else (403)', async () => {
      const admin = await as(server, 'admin');
      const gkb = await as(server, 'sm.gkb');
      const body = {
        source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
        days: [{ day: '2027-01-01', kind: 'off', name: '元旦' }, { day: '2027-01-02', kind: 'off', name: '元旦' }, { day: '2027-01-03', kind: 'off', name: '元旦' }],
      };
      assert.equal((await gkb.request('PUT', '/api/v1/calendar/years/2027', body)).status, 403);
      const weekdayWork = await admin.request('PUT', '/api/v1/calendar/years/2027', { ...body, days: [{ day: '2027-01-05', kind: 'work', name: '元旦' }] });
      assert.equal(weekdayWork.status, 400);
      assert.match(weekdayWork.body.message, /不是周末/);
      assert.equal((await admin.request('PUT', '/api/v1/calendar/years/2027', body)).status, 204);
      assert.equal((await new Client(server.baseUrl).get('/api/v1/calendar/deadline?from=2026-12-10&workdays=20')).body.due, '2027-01-08');
      const years = (await new Client(server.baseUrl).get('/api/v1/calendar/years')).body.items;
      assert.equal(years[0].year, 2027);
      const audit = await server.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'calendar.update').executeTakeFirstOrThrow();
      assert.match(audit.after_data!, /2027-01-01/);
    });

    it('marks a catalogue item whose due date falls in a year without data, instead of guessing', async () => {
      const fresh = await startServer({ url: database.url });
      try {
        const gkb = await as(fresh, 'sm.gkb');
        const finance = await unitId(fresh, '三明市财政局');
        const draft = (await gkb.post(`/api/v1/units/${finance}/catalogues/draft`)).body;
        const withItem = (await gkb.post(`/api/v1/catalogues/${draft.id}/items`, {
          level1: '财政预决算', level2: '部门预算', content: '部门预算及说明', basis: '【法律】《中华人民共和国预算法》', timeLimit: '批复后20个工作日内',
          subject: '三明市财政局', channels: ['政府网站'], audience: 'all', method: 'proactive', levels: ['city'],
        })).body;
        await gkb.post(`/api/v1/catalogues/${draft.id}/publish`);
        const doc = await gkb.post('/api/v1/documents', { unitId: finance, title: '2027年部门预算（草稿）', writtenDate: '2026-12-20', disclosure: 'proactive', bodyText: '预算说明。', catalogueItemKeys: [withItem.items[0].itemKey] });
        assert.equal(doc.status, 201, doc.text);
        const watch = (await gkb.get(`/api/v1/units/${finance}/catalogue-watch`)).body.items;
        assert.equal(watch[0].state, 'calendar_missing');
      } finally {
        await fresh.close();
      }
    });
  });
}
