import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { Client } from './helpers.js';
import { startServerProcess } from './process.js';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => spawnSync(p, ['-v']).status === 0) ?? 'nginx';
const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const port = (s.address() as { port: number }).port;
    s.close(() => resolve(port));
  });
});

describe('nginx in front (docs/deploy/nginx.conf)', () => {
  it('serves pages, validators and compressed bodies through the example config, with client addresses in the audit log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-nginx-'));
    const app = await startServerProcess({ DATA_DIR: join(dir, 'data'), WORKERS: '1', DEMO_CONTENT: 'false', TRUST_PROXY: 'true', LOGIN_RATE_LIMIT: '10000' });
    const port = await freePort();
    mkdirSync(join(dir, 'tmp'));
    const conf = readFileSync(new URL('../docs/deploy/nginx.conf', import.meta.url), 'utf8').replace('server 127.0.0.1:3000;', `server 127.0.0.1:${app.port};`).replace('listen 8080;', `listen 127.0.0.1:${port};`);
    writeFileSync(join(dir, 'nginx.conf'), conf);
    const nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'pipe' });
    let nginxLog = '';
    nginx.stderr.on('data', (d) => (nginxLog += d));
    try {
      const base = `http://127.0.0.1:${port}`;
      let home: Response | null = null;
      for (let i = 0; i < 50 && !home; i++) home = await fetch(base + '/').catch(async () => (await new Promise((r) => setTimeout(r, 100)), null));
      assert.ok(home, `nginx did not answer: ${nginxLog}`);
      assert.equal(home.status, 200);
      const etag = home.headers.get('etag')!;
      assert.ok(etag);
      assert.equal((await fetch(base + '/', { headers: { 'if-none-match': etag } })).status, 304);
      const br = await fetch(base + '/xxgk', { headers: { 'accept-encoding': 'br' } });
      assert.equal(br.headers.get('content-encoding'), 'br');
      assert.match(await br.text(), /政府信息公开/);

      const staff = new Client(base);
      await staff.request('GET', '/healthz', undefined, { headers: { 'x-forwarded-for': '203.0.113.9' } });
      const login = await staff.request('POST', '/api/v1/auth/login', { username: 'jyj.editor', password: 'Demo@Sanming2026' }, { headers: { 'x-forwarded-for': '203.0.113.9' } });
      assert.equal(login.status, 200, login.text);
      const db = new Database(join(dir, 'data', 'gongkai.sqlite'), { readonly: true });
      const row = db.prepare("select ip from audit_log where action = 'auth.login' order by seq desc limit 1").get() as { ip: string };
      db.close();
      assert.equal(row.ip, '203.0.113.9', 'the client address, not the proxy');
    } finally {
      nginx.kill('SIGTERM');
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
