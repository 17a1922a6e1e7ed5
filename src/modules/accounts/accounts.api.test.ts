import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { as, Client, DEMO_PASSWORD, startServer, testDatabases, unitId, type TestServer } from '../../../test/helpers.js';

for (const database of testDatabases()) {
  describe(`accounts API (${database.name})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer({ url: database.url });
    });
    after(() => server.close());

    const auditActions = async (entityId: number) =>
      (await server.ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'user').where('entity_id', '=', String(entityId)).orderBy('seq').execute()).map((r) => r.action);

    it('logs in, reports the current user, logs out', async () => {
      const c = new Client(server.baseUrl);
      assert.equal((await c.get('/api/v1/auth/me')).status, 401);
      const login = await c.login('jyj.editor');
      assert.equal(login.body.user.unitName, '三明市教育局');
      assert.deepEqual(login.body.permissions, ['unit.read', 'document.read', 'document.edit', 'catalogue.edit']);
      assert.match(login.headers.get('set-cookie') ?? '', /gk_session=[^;]+;.*HttpOnly/i);
      assert.match(login.headers.get('set-cookie') ?? '', /SameSite=Lax/i);
      assert.equal((await c.get('/api/v1/auth/me')).body.user.username, 'jyj.editor');
      assert.equal((await c.post('/api/v1/auth/logout')).status, 204);
      assert.equal((await c.get('/api/v1/auth/me')).status, 401);
      const actions = await auditActions(login.body.user.id);
      assert.deepEqual(actions.slice(-2), ['auth.login', 'auth.logout']);
    });

    it('locks an account after five wrong passwords, even against the right one', async () => {
      const c = new Client(server.baseUrl);
      for (let i = 1; i <= 4; i++) {
        const res = await c.post('/api/v1/auth/login', { username: 'fgw.editor', password: 'Wrong-pass-123' });
        assert.equal(res.status, 401);
        assert.equal(res.body.code, 'invalid_credentials');
        assert.match(res.body.message, new RegExp(`再错 ${5 - i} 次`));
      }
      const fifth = await c.post('/api/v1/auth/login', { username: 'fgw.editor', password: 'Wrong-pass-123' });
      assert.equal(fifth.status, 423);
      assert.equal(fifth.body.code, 'account_locked');
      const right = await c.post('/api/v1/auth/login', { username: 'fgw.editor', password: DEMO_PASSWORD });
      assert.equal(right.status, 423);
      const id = (await server.ctx.db.selectFrom('app_user').select('id').where('username', '=', 'fgw.editor').executeTakeFirstOrThrow()).id;
      assert.deepEqual((await auditActions(id)).slice(-5), ['auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.locked']);
      // The city disclosure office unlocks it; the user can log in again.
      const gkb = await as(server, 'sm.gkb');
      const unlocked = await gkb.post(`/api/v1/users/${id}/unlock`);
      assert.equal(unlocked.status, 200);
      assert.equal(unlocked.body.locked, false);
      assert.equal((await c.post('/api/v1/auth/login', { username: 'fgw.editor', password: DEMO_PASSWORD })).status, 200);
    });

    it('answers an unknown user like a wrong password, and audits it', async () => {
      const res = await new Client(server.baseUrl).post('/api/v1/auth/login', { username: 'nobody', password: 'Whatever-123' });
      assert.equal(res.status, 401);
      assert.equal(res.body.message, '用户名或密码错误');
    });

    it('rejects writes without the CSRF token', async () => {
      const c = new Client(server.baseUrl);
      const res = await c.request('POST', '/api/v1/auth/login', { username: 'admin', password: DEMO_PASSWORD }, { csrf: false });
      assert.equal(res.status, 403);
      assert.equal(res.body.code, 'csrf_failed');
    });

    it('gives 400 with a Chinese message for bad input, 404 for unknown routes, never 500', async () => {
      const c = await as(server, 'admin');
      const bad = await c.post('/api/v1/users', { username: 'x' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.code, 'validation_failed');
      assert.match(bad.body.message, /请求内容不符合要求/);
      const notJson = await c.request('POST', '/api/v1/users', undefined, { headers: { 'content-type': 'application/json' } });
      assert.equal(notJson.status, 400);
      const badId = await c.get('/api/v1/users/abc');
      assert.equal(badId.status, 400);
      const missing = await c.get('/api/v1/users/99999');
      assert.equal(missing.status, 404);
      assert.equal(missing.body.code, 'not_found');
      const unknown = await c.get('/api/v1/nothing-here');
      assert.deepEqual(unknown.body, { code: 'not_found', message: '请求的接口不存在' });
    });

    it('creates a user with a strong password only, forces a password change, and audits both', async () => {
      const admin = await as(server, 'jyj.admin');
      const edu = await unitId(server, '三明市教育局');
      const weak = await admin.post('/api/v1/users', { username: 'jyj.new', displayName: '新编辑', unitId: edu, roles: ['editor'], password: 'abcdefghij' });
      assert.equal(weak.status, 400);
      assert.equal(weak.body.code, 'weak_password');
      const created = await admin.post('/api/v1/users', { username: 'jyj.new', displayName: '新编辑', unitId: edu, roles: ['editor'], password: 'Initial#Pass1' });
      assert.equal(created.status, 201);
      assert.equal(created.body.mustChangePassword, true);
      assert.equal(JSON.stringify(created.body).includes('argon2'), false);

      const user = new Client(server.baseUrl);
      await user.login('jyj.new', 'Initial#Pass1');
      const blocked = await user.get('/api/v1/units/1');
      assert.equal(blocked.status, 200, 'public reads stay open');
      const gated = await user.get('/api/v1/users');
      assert.equal(gated.status, 403);
      assert.equal(gated.body.code, 'password_change_required');
      const change = await user.post('/api/v1/auth/password', { currentPassword: 'Initial#Pass1', newPassword: 'Changed#Pass2' });
      assert.equal(change.status, 204);
      assert.equal((await user.get('/api/v1/auth/me')).body.user.mustChangePassword, false);
      assert.deepEqual(await auditActions(created.body.id), ['user.create', 'auth.login', 'user.password_changed']);

      const renamed = await admin.patch(`/api/v1/users/${created.body.id}`, { displayName: '改名编辑' });
      assert.equal(renamed.status, 200);
      const entry = await server.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.update').where('entity_id', '=', String(created.body.id)).executeTakeFirstOrThrow();
      assert.equal(JSON.parse(entry.before_data!).displayName, '新编辑');
      assert.equal(JSON.parse(entry.after_data!).displayName, '改名编辑');
      assert.match(entry.actor_name, /jyj\.admin/);
    });

    it('forbids an editor to read or change users of another department (403)', async () => {
      const editor = await as(server, 'jyj.editor');
      const fgw = await unitId(server, '三明市发展和改革委员会');
      const fgwEditor = (await server.ctx.db.selectFrom('app_user').select('id').where('username', '=', 'fgw.editor').executeTakeFirstOrThrow()).id;
      assert.equal((await editor.get(`/api/v1/users?unitId=${fgw}`)).status, 403);
      assert.equal((await editor.get(`/api/v1/users/${fgwEditor}`)).status, 403);
      assert.equal((await editor.patch(`/api/v1/users/${fgwEditor}`, { displayName: '被改' })).status, 403);
      assert.equal((await editor.post(`/api/v1/users/${fgwEditor}/password`, { newPassword: 'Hijack#Pass1' })).status, 403);
      assert.equal((await editor.post(`/api/v1/users/${fgwEditor}/unlock`)).status, 403);
      assert.equal((await editor.post('/api/v1/users', { username: 'fgw.x', displayName: 'x', unitId: fgw, roles: ['editor'], password: 'Strong#Pass1' })).status, 403);
      const after = await server.ctx.db.selectFrom('app_user').select('display_name').where('id', '=', fgwEditor).executeTakeFirstOrThrow();
      assert.notEqual(after.display_name, '被改');
    });

    it('keeps a unit administrator inside the unit and below their own rank', async () => {
      const admin = await as(server, 'jyj.admin');
      const list = await admin.get('/api/v1/users?pageSize=200');
      assert.equal(list.status, 200);
      assert.ok(list.body.items.length > 0);
      assert.ok(list.body.items.every((u: { unitName: string }) => u.unitName === '三明市教育局'));
      const fgwEditor = (await server.ctx.db.selectFrom('app_user').select('id').where('username', '=', 'fgw.editor').executeTakeFirstOrThrow()).id;
      assert.equal((await admin.patch(`/api/v1/users/${fgwEditor}`, { disabled: true })).status, 403);
      const self = (await admin.get('/api/v1/auth/me')).body.user.id;
      const escalate = await admin.patch(`/api/v1/users/${self}`, { roles: ['unit_admin', 'sysadmin'] });
      assert.equal(escalate.status, 403);
      const fgw = await unitId(server, '三明市发展和改革委员会');
      const jyjEditor = (await server.ctx.db.selectFrom('app_user').select('id').where('username', '=', 'jyj.editor').executeTakeFirstOrThrow()).id;
      assert.equal((await admin.patch(`/api/v1/users/${jyjEditor}`, { unitId: fgw })).status, 403, 'cannot move a user out of the unit');
    });

    it('lets the county disclosure office manage its county but not the city', async () => {
      const county = await as(server, 'syq.gkb');
      const list = await county.get('/api/v1/users?pageSize=200');
      assert.ok(list.body.items.every((u: { unitName: string }) => u.unitName.startsWith('三元区')));
      const town = await unitId(server, '列东街道办事处');
      const made = await county.post('/api/v1/users', { username: 'ld.editor', displayName: '列东编辑', unitId: town, roles: ['editor'], password: 'Strong#Pass1' });
      assert.equal(made.status, 201);
      const edu = await unitId(server, '三明市教育局');
      assert.equal((await county.post('/api/v1/users', { username: 'x.editor', displayName: 'x', unitId: edu, roles: ['editor'], password: 'Strong#Pass1' })).status, 403);
      assert.equal((await county.post('/api/v1/users', { username: 'y.admin', displayName: 'y', unitId: town, roles: ['sysadmin'], password: 'Strong#Pass1' })).status, 403);
    });

    it('filters, sorts and exports the user list', async () => {
      const gkb = await as(server, 'sm.gkb');
      const editors = await gkb.get('/api/v1/users?role=editor&sort=username&order=desc&pageSize=200');
      assert.ok(editors.body.items.length >= 2);
      assert.ok(editors.body.items.every((u: { roles: string[] }) => u.roles.includes('editor')));
      const names = editors.body.items.map((u: { username: string }) => u.username);
      assert.deepEqual(names, [...names].sort().reverse());
      const csv = await gkb.get('/api/v1/users/export.csv?q=jyj');
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type')!, /text\/csv/);
      assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM so that Excel reads Chinese');
      assert.match(csv.text, /^用户名,姓名,单位,角色/);
      assert.match(csv.text, /jyj\.editor,市教育局编辑,三明市教育局,信息编辑/);
      assert.equal(csv.text.includes('fgw.editor'), false);
    });

    it('rate-limits login attempts per address (429)', async () => {
      const limited = await startServer({ url: database.url, env: { LOGIN_RATE_LIMIT: '3' } });
      try {
        const c = new Client(limited.baseUrl);
        const codes = [];
        for (let i = 0; i < 4; i++) codes.push((await c.post('/api/v1/auth/login', { username: 'nobody', password: 'Whatever-123' })).status);
        assert.deepEqual(codes, [401, 401, 401, 429]);
        const last = await c.post('/api/v1/auth/login', { username: 'admin', password: DEMO_PASSWORD });
        assert.equal(last.body.code, 'rate_limited');
      } finally {
        await limited.close();
      }
    });

    it('ends a session after the idle time', async () => {
      const short = await startServer({ url: database.url, env: { SESSION_IDLE_MINUTES: '0.02' } });
      try {
        const c = await as(short, 'admin');
        assert.equal((await c.get('/api/v1/auth/me')).status, 200);
        await new Promise((r) => setTimeout(r, 1500));
        assert.equal((await c.get('/api/v1/auth/me')).status, 401);
      } finally {
        await short.close();
      }
    });
  });
}
