import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { as, Client, startServer, testDatabases, unitId, type TestServer } from '../../../test/helpers.js';
import { CITY_DEPARTMENTS, COUNTIES } from './sanming.js';

for (const database of testDatabases()) {
  describe(`units API (${database.name})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer({ url: database.url });
    });
    after(() => server.close());

    it('serves the Sanming demo tree publicly: city, 11 counties with townships, 33 departments', async () => {
      const res = await new Client(server.baseUrl).get('/api/v1/units');
      assert.equal(res.status, 200);
      const items: Array<{ id: number; parentId: number | null; name: string; kind: string; level: string; divisionCode: string | null }> = res.body.items;
      const city = items.find((u) => u.parentId === null)!;
      assert.equal(city.name, '三明市人民政府');
      assert.equal(city.divisionCode, '350400');
      const underCity = items.filter((u) => u.parentId === city.id);
      assert.equal(underCity.filter((u) => u.kind === 'department').length, CITY_DEPARTMENTS.length);
      assert.equal(CITY_DEPARTMENTS.length, 33);
      const counties = underCity.filter((u) => u.kind === 'government');
      assert.deepEqual(counties.map((c) => c.divisionCode).sort(), COUNTIES.map((c) => c.code).sort());
      const sanyuan = counties.find((c) => c.divisionCode === '350404')!;
      const towns = items.filter((u) => u.parentId === sanyuan.id && u.kind === 'government').map((u) => u.name);
      assert.ok(towns.includes('列东街道办事处') && towns.includes('中村乡人民政府') && towns.includes('陈大镇人民政府'));
      assert.equal(towns.length, 12);
      const filtered = await new Client(server.baseUrl).get(`/api/v1/units?parentId=${sanyuan.id}&kind=government`);
      assert.equal(filtered.body.items.length, 12);
    });

    it('lets a county disclosure office add a village under its township, with contact details', async () => {
      const gkb = await as(server, 'syq.gkb');
      const town = await unitId(server, '列东街道办事处');
      const res = await gkb.post('/api/v1/units', {
        parentId: town, name: '列东街道示范社区居民委员会', shortName: '示范社区', kind: 'government', level: 'village', divisionCode: '350404001001',
        office: { name: '社区办公室', phone: '0598-1234567', email: 'sq@example.cn', postcode: '365000' },
      });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.parentId, town);
      assert.equal(res.body.office.phone, '0598-1234567');
      const page = await new Client(server.baseUrl).get(`/xxgk/units/${res.body.id}`);
      assert.match(page.text, /列东街道示范社区居民委员会/);
      const entry = await server.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'unit.create').where('entity_id', '=', String(res.body.id)).executeTakeFirstOrThrow();
      assert.match(entry.actor_name, /syq\.gkb/);
    });

    it('refuses a unit in the wrong place, a bad code, or a duplicate code, with reasons', async () => {
      const admin = await as(server, 'admin');
      const city = await unitId(server, '三明市人民政府');
      const edu = await unitId(server, '三明市教育局');
      const wrongLevel = await admin.post('/api/v1/units', { parentId: city, name: '某镇人民政府', kind: 'government', level: 'township' });
      assert.equal(wrongLevel.status, 400);
      assert.equal(wrongLevel.body.code, 'invalid_unit_place');
      const underDept = await admin.post('/api/v1/units', { parentId: edu, name: '某科室', kind: 'department', level: 'city' });
      assert.equal(underDept.status, 400);
      const badCode = await admin.post('/api/v1/units', { parentId: city, name: '测试县人民政府', kind: 'government', level: 'county', divisionCode: '35' });
      assert.equal(badCode.status, 400);
      assert.match(badCode.body.message, /6 位数字/);
      const dup = await admin.post('/api/v1/units', { parentId: city, name: '重复县人民政府', kind: 'government', level: 'county', divisionCode: '350404' });
      assert.equal(dup.status, 409);
      assert.match(dup.body.message, /三元区人民政府/);
      const badMail = await admin.patch(`/api/v1/units/${edu}`, { office: { email: 'not-mail' } });
      assert.equal(badMail.status, 400);
    });

    it('forbids changing units outside one\'s reach (403) and leaves them unchanged', async () => {
      const edu = await unitId(server, '三明市教育局');
      const fgw = await unitId(server, '三明市发展和改革委员会');
      const county = await as(server, 'syq.gkb');
      assert.equal((await county.patch(`/api/v1/units/${edu}`, { shortName: '被改' })).status, 403);
      assert.equal((await county.post('/api/v1/units', { parentId: await unitId(server, '三明市人民政府'), name: '新部门局', kind: 'department', level: 'city' })).status, 403);
      const editor = await as(server, 'jyj.editor');
      assert.equal((await editor.patch(`/api/v1/units/${edu}`, { shortName: '被改' })).status, 403);
      assert.equal((await editor.delete(`/api/v1/units/${fgw}`)).status, 403);
      const unitAdmin = await as(server, 'jyj.admin');
      assert.equal((await unitAdmin.patch(`/api/v1/units/${fgw}`, { shortName: '被改' })).status, 403);
      const ok = await unitAdmin.patch(`/api/v1/units/${edu}`, { office: { name: '三明市教育局办公室', address: '三明市三元区（演示）', hours: '工作日', phone: '0598-7654321', fax: null, email: null, postcode: null } });
      assert.equal(ok.status, 200);
      assert.equal(ok.body.office.phone, '0598-7654321');
      const guide = await new Client(server.baseUrl).get(`/xxgk/units/${edu}/guide`);
      assert.match(guide.text, /三明市教育局政府信息公开指南/);
      assert.match(guide.text, /0598-7654321/, 'the generated guide shows the new contact at once');
      const anon = new Client(server.baseUrl);
      assert.equal((await anon.patch(`/api/v1/units/${edu}`, { shortName: 'x' })).status, 401);
      const fgwRow = await server.ctx.db.selectFrom('unit').select('short_name').where('id', '=', fgw).executeTakeFirstOrThrow();
      assert.equal(fgwRow.short_name, '市发改委');
    });

    it('deletes only empty units', async () => {
      const admin = await as(server, 'admin');
      const edu = await unitId(server, '三明市教育局');
      const withUsers = await admin.delete(`/api/v1/units/${edu}`);
      assert.equal(withUsers.status, 409);
      assert.equal(withUsers.body.code, 'unit_has_users');
      const county = await unitId(server, '建宁县人民政府');
      assert.equal((await admin.delete(`/api/v1/units/${county}`)).body.code, 'unit_has_children');
      const town = await unitId(server, '黄埠乡人民政府');
      assert.equal((await admin.delete(`/api/v1/units/${town}`)).status, 204);
      assert.equal((await admin.get(`/api/v1/units/${town}`)).status, 404);
    });

    it('exports the unit list as CSV', async () => {
      const res = await new Client(server.baseUrl).get('/api/v1/units/export.csv?level=county&kind=government');
      assert.equal(res.status, 200);
      const lines = res.text.trim().split('\r\n');
      assert.equal(lines.length, 12);
      assert.match(lines[0]!, /^编号,单位名称/);
      assert.ok(lines.some((l) => l.includes('三元区人民政府') && l.includes('350404')));
    });
  });
}
