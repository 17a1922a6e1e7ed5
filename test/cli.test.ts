import assert from 'node:assert/strict';
import { runScript as run, startServerProcess } from './process.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
  dirs.push(d);
  return d;
};
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('npm start (src/server.ts)', () => {
  it('creates, migrates and fills an empty database, serves portal and admin, and stops cleanly on SIGTERM', async () => {
    const dataDir = tempDir();
    const server = await startServerProcess({ DATA_DIR: dataDir });
    const port = server.port;
    const home = await fetch(`http://127.0.0.1:${port}/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /三明市人民政府/);
    const admin = await fetch(`http://127.0.0.1:${port}/admin/units`);
    assert.equal(admin.status, 200);
    assert.match(await admin.text(), /<div id="root">/);
    assert.match(server.log(), /已创建 9 个演示账号/);
    assert.match(server.log(), /已发布 10 份演示文件和市教育局演示标准目录/);
    assert.match(server.log(), /已登记 13 件演示依申请公开申请（2025—2026 年），发布市教育局 2025 年度报告/);
    // The demo is lively: published documents are searchable and the catalogue watch has something to show.
    const search = await (await fetch(`http://127.0.0.1:${port}/api/v1/public/search?q=${encodeURIComponent('招生')}`)).json() as { total: number };
    assert.ok(search.total >= 2);
    const catalogue = await fetch(`http://127.0.0.1:${port}/xxgk/statutory/11`);
    assert.match(await catalogue.text(), /2026年三明市区义务教育学校招生范围公告/);
    assert.match(await (await fetch(`http://127.0.0.1:${port}/xxgk/reports`)).text(), /三明市教育局2025年政府信息公开工作年度报告/);
    // Logs are JSON lines without cookies or query strings.
    await fetch(`http://127.0.0.1:${port}/api/v1/units?q=secret-query`, { headers: { cookie: 'gk_session=should-not-be-logged' } });
    const code = await server.stop();
    assert.equal(code, 0);
    assert.match(server.log(), /shutdown complete/);
    assert.equal(server.log().includes('secret-query'), false);
    assert.equal(server.log().includes('should-not-be-logged'), false);
    for (const line of server.log().trim().split('\n')) assert.doesNotThrow(() => JSON.parse(line), line);
  });
});

describe('npm run audit:verify', () => {
  it('reports an intact chain, then the first row edited by hand in the database', () => {
    const dataDir = tempDir();
    const first = run('bin/audit-verify.ts', [], { DATA_DIR: dataDir });
    assert.equal(first.code, 0, first.out);
    // An empty database has no entries yet; the demo import adds some.
    const seeded = run('bin/seed-demo.ts', [], { DATA_DIR: dataDir });
    assert.equal(seeded.code, 0, seeded.out);
    const ok = run('bin/audit-verify.ts', [], { DATA_DIR: dataDir });
    assert.equal(ok.code, 0, ok.out);
    assert.match(ok.out, /审计日志完整：共 \d+ 条记录/);

    const db = new Database(join(dataDir, 'gongkai.sqlite'));
    db.exec('drop trigger audit_log_no_update');
    db.prepare("update audit_log set actor_name = '改过的人' where seq = 4").run();
    db.close();
    const broken = run('bin/audit-verify.ts', [], { DATA_DIR: dataDir });
    assert.equal(broken.code, 1);
    assert.match(broken.out, /第 4 条起哈希链断开/);
  });
});

describe('npm run create-admin', () => {
  it('creates the first administrator and top unit on an empty production database', () => {
    const env = { DATA_DIR: tempDir(), DEMO_DATA: 'false' };
    const weak = run('bin/create-admin.ts', ['--username', 'root.admin', '--unit-name', '三明市人民政府', '--division-code', '350400'], { ...env, GONGKAI_ADMIN_PASSWORD: 'short' });
    assert.equal(weak.code, 1);
    assert.match(weak.out, /密码不符合安全要求/);
    const made = run('bin/create-admin.ts', ['--username', 'root.admin', '--display-name', '管理员甲', '--unit-name', '三明市人民政府', '--division-code', '350400'], { ...env, GONGKAI_ADMIN_PASSWORD: 'Strong#Sanming2026' });
    assert.equal(made.code, 0, made.out);
    assert.match(made.out, /已创建系统管理员 root\.admin/);
    const db = new Database(join(env.DATA_DIR, 'gongkai.sqlite'), { readonly: true });
    const users = db.prepare('select username, roles from app_user').all();
    const units = db.prepare('select name from unit').all();
    db.close();
    assert.deepEqual(users, [{ username: 'root.admin', roles: '["sysadmin"]' }]);
    assert.deepEqual(units, [{ name: '三明市人民政府' }]);
  });
});
