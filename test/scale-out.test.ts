import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { Client } from './helpers.js';
import { startServerProcess } from './process.js';

const startProcess = (env: Record<string, string>) => startServerProcess({ WORKERS: '1', JOB_INTERVAL_SECONDS: '1', DEMO_CONTENT: 'false', LOGIN_RATE_LIMIT: '10000', ...env });

/** The databases two processes share: a SQLite file, and a fresh PostgreSQL database when one is available. */
async function sharedDatabases() {
  const list: Array<{ name: string; env: Record<string, string>; publishCount: (docId: number) => Promise<number>; drop: () => Promise<void> }> = [];
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-scale-'));
  list.push({
    name: 'sqlite', env: { DATA_DIR: dir, DATABASE_URL: '' },
    publishCount: async (id) => {
      const db = new Database(join(dir, 'gongkai.sqlite'), { readonly: true });
      try {
        return (db.prepare("select count(*) as n from audit_log where action = 'document.publish' and entity_id = ?").get(String(id)) as { n: number }).n;
      } finally {
        db.close();
      }
    },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  });
  if (process.env.TEST_DATABASE_URL) {
    const name = `scale_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    const pgDir = mkdtempSync(join(tmpdir(), 'gongkai-scale-pg-'));
    list.push({
      name: 'postgres', env: { DATA_DIR: pgDir, DATABASE_URL: url.toString() },
      publishCount: async (id) => {
        const c = new pg.Client({ connectionString: url.toString() });
        await c.connect();
        try {
          return Number((await c.query("select count(*) as n from audit_log where action = 'document.publish' and entity_id = $1", [String(id)])).rows[0].n);
        } finally {
          await c.end();
        }
      },
      drop: async () => {
        rmSync(pgDir, { recursive: true, force: true });
        const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    });
  }
  return list;
}

const databases = await sharedDatabases();
after(async () => {
  for (const d of databases) await d.drop();
});

for (const database of databases) {
  describe(`two server processes on one database (${database.name})`, () => {
    it('shares sessions, shows a page published through one process on the other within a second, and runs a scheduled job once', async () => {
      const a = await startProcess(database.env);
      const b = await startProcess(database.env);
      try {
        const editor = new Client(a.baseUrl);
        await editor.login('jyj.editor');
        // The session made through A works through B (sessions live in the database).
        const viaB = new Client(b.baseUrl);
        await viaB.get('/healthz');
        const me = await fetch(`${b.baseUrl}/api/v1/auth/me`, { headers: { cookie: `gk_session=${editor.cookie('gk_session')}` } });
        assert.equal(me.status, 200);
        const reviewer = new Client(a.baseUrl);
        await reviewer.login('jyj.reviewer');
        const edu = (await editor.get('/api/v1/units?q=三明市教育局')).body.items.find((u: { name: string }) => u.name === '三明市教育局').id as number;
        const draft = async (title: string) => {
          const doc = (await editor.post('/api/v1/documents', { unitId: edu, title, writtenDate: '2026-11-20', topic: '科技、教育', genre: '通知', disclosure: 'proactive', bodyText: `${title}的正文。` })).body;
          await editor.post(`/api/v1/documents/${doc.id}/submit`);
          await reviewer.post(`/api/v1/documents/${doc.id}/approve`, {});
          return doc.id as number;
        };

        // B has the unit page cached; a document published through A appears there within a second.
        const unitPage = `${b.baseUrl}/xxgk/units/${edu}`;
        assert.equal((await fetch(unitPage)).status, 200);
        const now = await draft('关于两个进程之间发布可见性的通知');
        assert.equal((await reviewer.post(`/api/v1/documents/${now}/publish`, {})).status, 200);
        const start = Date.now();
        let seen = false;
        while (Date.now() - start < 1000) {
          if ((await (await fetch(unitPage)).text()).includes('关于两个进程之间发布可见性的通知')) {
            seen = true;
            break;
          }
          await new Promise((r) => setTimeout(r, 50));
        }
        assert.ok(seen, `not visible through the other process after ${Date.now() - start} ms`);

        // Both processes run the scheduler every second; the scheduled document is published exactly once.
        const later = await draft('关于定时发布只执行一次的通知');
        const at = new Date(Date.now() + 1500).toISOString();
        assert.equal((await reviewer.post(`/api/v1/documents/${later}/publish`, { publishAt: at })).body.status, 'scheduled');
        const until = Date.now() + 8000;
        while (Date.now() < until && (await fetch(`${b.baseUrl}/xxgk/documents/${later}`)).status !== 200) await new Promise((r) => setTimeout(r, 200));
        assert.equal((await fetch(`${b.baseUrl}/xxgk/documents/${later}`)).status, 200);
        await new Promise((r) => setTimeout(r, 2500)); // both schedulers have run again since
        assert.equal(await database.publishCount(later), 1);
        assert.match(a.log() + b.log(), /scheduled publishing done/);
      } finally {
        await a.stop();
        await b.stop();
      }
    });
  });
}
