import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { as, startServer, testDatabases, type TestServer } from '../../../test/helpers.js';

for (const database of testDatabases()) {
  describe(`audit log API (${database.name})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer({ url: database.url });
      await as(server, 'jyj.editor');
      await as(server, 'fgw.editor');
    });
    after(() => server.close());

    it('shows logins to the disclosure office, filtered by actor and date', async () => {
      const gkb = await as(server, 'sm.gkb');
      const res = await gkb.get('/api/v1/audit?actor=jyj.editor&action=auth.login');
      assert.equal(res.status, 200);
      assert.equal(res.body.total, 1);
      assert.equal(res.body.items[0].actionLabel, '登录');
      assert.equal(res.body.items[0].unitName, '三明市教育局');
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      assert.ok((await gkb.get(`/api/v1/audit?from=${today}&to=${today}`)).body.total >= 3);
      assert.equal((await gkb.get('/api/v1/audit?to=2020-01-01')).body.total, 0);
      assert.equal((await gkb.get('/api/v1/audit?from=2020-13-45x')).status, 400);
    });

    it('limits a unit administrator to the entries of the unit', async () => {
      const admin = await as(server, 'jyj.admin');
      const res = await admin.get('/api/v1/audit?pageSize=200');
      assert.ok(res.body.items.length >= 2);
      assert.ok(res.body.items.every((i: { unitName: string }) => i.unitName === '三明市教育局'));
    });

    it('forbids editors (403) and offers no way to change or delete entries', async () => {
      const editor = await as(server, 'jyj.editor');
      assert.equal((await editor.get('/api/v1/audit')).status, 403);
      const admin = await as(server, 'admin');
      assert.equal((await admin.delete('/api/v1/audit/1')).status, 404);
      assert.equal((await admin.patch('/api/v1/audit/1', { actorName: 'x' })).status, 404);
      const csv = await admin.get('/api/v1/audit/export.csv?entityType=user');
      assert.equal(csv.status, 200);
      assert.match(csv.text, /^序号,时间,操作人/);
      assert.match(csv.text, /新建用户/);
    });
  });
}
