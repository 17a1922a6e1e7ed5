import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { as, Client, testDatabases, unitId, useDemoServer } from '../../../test/helpers.js';
import { beijingToday } from '../../platform/calendar/calendar.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const item = (level2: string, timeLimit = '自信息形成或者变更之日起20个工作日内') => ({
  domainId: 24, level1: '招生入学', level2, content: '招生政策、招生范围、招生计划', basis: '【法律】《中华人民共和国义务教育法》',
  timeLimit, subject: '三明市教育局', channels: ['政府网站', '政务服务中心'], audience: 'all', method: 'proactive', levels: ['city', 'county'],
});

for (const database of testDatabases()) {
  describe(`catalogues API (${database.name})`, () => {
    const t = useDemoServer(database.url);

    /** Uploads a spreadsheet as the admin app does: raw body, session cookie and CSRF header. */
    async function upload(c: Client, catalogueId: number, data: Buffer) {
      const res = await fetch(`${t.server.baseUrl}/api/v1/catalogues/${catalogueId}/import`, {
        method: 'POST', body: new Uint8Array(data),
        headers: { 'content-type': XLSX, cookie: `gk_session=${c.cookie('gk_session')}; gk_csrf=${c.cookie('gk_csrf')}`, 'x-csrf-token': c.cookie('gk_csrf')! },
      });
      return { status: res.status, body: await res.json() };
    }

    it('builds a catalogue version, publishes it, and watches a late document as overdue', async () => {
      const admin = await as(t.server, 'jyj.admin');
      const draft = await admin.post(`/api/v1/units/${t.edu}/catalogues/draft`);
      assert.equal(draft.status, 200, draft.text);
      assert.equal(draft.body.version, 1);
      assert.equal(draft.body.status, 'draft');
      const anon = new Client(t.server.baseUrl);
      assert.equal((await anon.get(`/api/v1/catalogues/${draft.body.id}`)).status, 404, 'drafts are not public');
      const first = await admin.post(`/api/v1/catalogues/${draft.body.id}/items`, item('义务教育招生政策'));
      assert.equal(first.status, 200, first.text);
      let c = first.body;
      c = (await admin.post(`/api/v1/catalogues/${draft.body.id}/items`, item('招生结果', '及时公开'))).body;
      assert.equal(c.items.length, 2);
      assert.deepEqual(c.items[0].rule, { kind: 'workdays', amount: 20 });
      assert.equal(c.items[1].rule, null);
      const published = await admin.post(`/api/v1/catalogues/${draft.body.id}/publish`);
      assert.equal(published.body.status, 'published');
      const current = await anon.get(`/api/v1/units/${t.edu}/catalogue`);
      assert.equal(current.status, 200);
      assert.equal(current.body.items[0].level2, '义务教育招生政策');

      // A document formed on 2026-03-02, linked to the 20-working-day item (due 2026-03-30), published only today.
      const key = current.body.items[0].itemKey;
      const editor = await as(t.server, 'jyj.editor');
      const reviewer = await as(t.server, 'jyj.reviewer');
      const doc = await editor.post('/api/v1/documents', {
        unitId: t.edu, title: '2026年义务教育招生政策', writtenDate: '2026-03-02', topic: '科技、教育', genre: '通知', summary: '招生政策', art20Item: 11,
        disclosure: 'proactive', bodyText: '招生政策如下。', catalogueItemKeys: [key],
      });
      assert.equal(doc.status, 201, doc.text);
      assert.deepEqual(doc.body.catalogueItemKeys, [key]);
      await editor.post(`/api/v1/documents/${doc.body.id}/submit`);
      await reviewer.post(`/api/v1/documents/${doc.body.id}/approve`, {});
      await reviewer.post(`/api/v1/documents/${doc.body.id}/publish`, {});

      const watch = await admin.get(`/api/v1/units/${t.edu}/catalogue-watch`);
      assert.equal(watch.status, 200);
      const [late, vague] = watch.body.items;
      assert.equal(late.state, 'overdue');
      assert.equal(late.document.id, doc.body.id);
      assert.equal(late.document.due, '2026-03-30');
      assert.equal(late.document.daysLate, Math.round((Date.parse(beijingToday()) - Date.parse('2026-03-30')) / 86_400_000));
      assert.equal(vague.state, 'never');
      const csv = await admin.get(`/api/v1/units/${t.edu}/catalogue-watch.csv`);
      assert.match(csv.text, /义务教育招生政策,.*逾期/);
      const page = await anon.get(`/xxgk/units/${t.edu}/catalogue`);
      assert.match(page.text, /<td>义务教育招生政策<\/td>/);
      assert.match(page.text, new RegExp(`<a href="/xxgk/documents/${doc.body.id}">2026年义务教育招生政策</a>`), 'the item links to the document that fulfils it');
      // The document is found under its catalogue domain (义务教育 = 24), and search filters by it.
      assert.match((await anon.get('/xxgk/domains/24')).text, /2026年义务教育招生政策/);
      assert.doesNotMatch((await anon.get('/xxgk/domains/1')).text, /2026年义务教育招生政策/);
      assert.match((await anon.get('/xxgk/statutory')).text, /义务教育<\/a> <span class="muted">（1）/);
      assert.equal((await anon.get(`/api/v1/public/search?q=${encodeURIComponent('招生')}&domainId=24`)).body.total, 1);
      assert.equal((await anon.get(`/api/v1/public/search?q=${encodeURIComponent('招生')}&domainId=2`)).body.total, 0);
    });

    it('keeps earlier versions readable and documents linked across versions', async () => {
      const admin = await as(t.server, 'jyj.admin');
      const v2 = (await admin.post(`/api/v1/units/${t.edu}/catalogues/draft`)).body;
      assert.equal(v2.version, 2);
      assert.equal(v2.items.length, 2, 'the new version starts from the current one');
      const withDomain = v2.items.find((i: { level2: string }) => i.level2 === '招生结果');
      await admin.request('PUT', `/api/v1/catalogue-items/${withDomain.id}`, { ...item('招生结果', '5个工作日内'), domainId: 24 });
      await admin.post(`/api/v1/catalogues/${v2.id}/publish`);
      const versions = (await new Client(t.server.baseUrl).get(`/api/v1/units/${t.edu}/catalogues`)).body.items;
      assert.deepEqual(versions.map((v: { version: number; status: string }) => [v.version, v.status]), [[2, 'published'], [1, 'superseded']]);
      const v1 = await new Client(t.server.baseUrl).get(`/api/v1/catalogues/${versions[1].id}`);
      assert.match((await new Client(t.server.baseUrl).get(`/xxgk/units/${t.edu}/catalogue?version=1`)).text, /第 1 版（历史版本）/);
      assert.equal(v1.body.items.find((i: { level2: string }) => i.level2 === '招生结果').timeLimit, '及时公开');
      const watch = (await admin.get(`/api/v1/units/${t.edu}/catalogue-watch`)).body.items;
      assert.equal(watch.find((r: { level2: string }) => r.level2 === '义务教育招生政策').state, 'overdue', 'the link follows the item key');
    });

    it('exports the national layout and imports it back; a bad sheet gets a per-row report', async () => {
      const admin = await as(t.server, 'jyj.admin');
      const current = (await admin.get(`/api/v1/units/${t.edu}/catalogue`)).body;
      const res = await fetch(`${t.server.baseUrl}/api/v1/catalogues/${current.id}/export.xlsx`);
      assert.equal(res.status, 200);
      const data = Buffer.from(await res.arrayBuffer());
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(data as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      assert.equal(ws.getCell(2, 2).value, '公开事项');
      assert.equal(ws.getCell(3, 2).value, '一级事项');
      assert.equal(ws.getCell(3, 9).value, '全社会');
      assert.equal(ws.getCell(4, 3).value, '义务教育招生政策');
      assert.equal(ws.getCell(4, 9).value, '√');

      const v3 = (await admin.post(`/api/v1/units/${t.edu}/catalogues/draft`)).body;
      ws.getCell(5, 3).value = '招生结果公示';
      const edited = Buffer.from(await wb.xlsx.writeBuffer());
      const imported = await upload(admin, v3.id, edited);
      assert.equal(imported.status, 200, JSON.stringify(imported.body));
      assert.deepEqual(imported.body.items.map((i: { level2: string }) => i.level2), ['义务教育招生政策', '招生结果公示']);
      assert.equal(imported.body.items[0].itemKey, current.items[0].itemKey, 'unchanged items keep their key');

      ws.getCell(4, 6).value = '';
      ws.getCell(5, 9).value = '';
      ws.getCell(5, 10).value = '';
      const bad = await upload(admin, v3.id, Buffer.from(await wb.xlsx.writeBuffer()));
      assert.equal(bad.status, 400);
      assert.equal(bad.body.code, 'import_failed');
      assert.deepEqual(bad.body.errors.map((e: { row: number; column: string }) => [e.row, e.column]), [[4, '公开时限'], [5, '公开对象']]);
      const notXlsx = await upload(admin, v3.id, Buffer.from('not a spreadsheet'));
      assert.equal(notXlsx.status, 400);
      assert.match(notXlsx.body.message, /不是有效的 Excel/);
    });

    it('lets the city disclosure office add a domain beyond the 26, and no one else', async () => {
      const gkb = await as(t.server, 'sm.gkb');
      const added = await gkb.post('/api/v1/catalogue-domains', { name: '政务服务' });
      assert.equal(added.status, 201);
      assert.equal((await gkb.post('/api/v1/catalogue-domains', { name: '政务服务' })).status, 409);
      assert.equal((await (await as(t.server, 'syq.gkb')).post('/api/v1/catalogue-domains', { name: '县里的领域' })).status, 403);
      const list = (await new Client(t.server.baseUrl).get('/api/v1/catalogue-domains')).body.items;
      assert.equal(list.length, 27);
      assert.equal(list[26].name, '政务服务');
    });

    it('keeps other units out of a catalogue (403)', async () => {
      const fgw = await as(t.server, 'fgw.editor');
      const admin = await as(t.server, 'jyj.admin');
      const started = (await admin.post(`/api/v1/units/${t.edu}/catalogues/draft`)).body;
      const draft = started.items.length ? started : (await admin.post(`/api/v1/catalogues/${started.id}/items`, item('权限测试事项'))).body;
      assert.equal((await fgw.post(`/api/v1/units/${t.edu}/catalogues/draft`)).status, 403);
      assert.equal((await fgw.post(`/api/v1/catalogues/${draft.id}/items`, item('越权事项'))).status, 403);
      assert.equal((await fgw.request('PUT', `/api/v1/catalogue-items/${draft.items[0].id}`, item('越权修改'))).status, 403);
      assert.equal((await fgw.delete(`/api/v1/catalogue-items/${draft.items[0].id}`)).status, 403);
      assert.equal((await fgw.post(`/api/v1/catalogues/${draft.id}/publish`)).status, 403);
      assert.equal((await fgw.get(`/api/v1/units/${t.edu}/catalogue-watch`)).status, 403);
      const sheet = (await admin.get(`/api/v1/catalogues/${draft.id}/export.xlsx`)).bytes;
      assert.equal((await upload(fgw, draft.id, sheet)).status, 403, 'no import into another unit\'s catalogue');
      const editor = await as(t.server, 'jyj.editor');
      assert.equal((await editor.post(`/api/v1/catalogues/${draft.id}/publish`)).status, 403, 'editors draft, unit admins publish');
      const other = await fgw.post('/api/v1/documents', {
        unitId: await unitId(t.server, '三明市发展和改革委员会'), title: '越权关联', writtenDate: '2026-01-01', disclosure: 'proactive', bodyText: '正文', catalogueItemKeys: [draft.items[0].itemKey],
      });
      assert.equal(other.status, 400);
      assert.equal(other.body.code, 'unknown_catalogue_item');
    });
  });
}
