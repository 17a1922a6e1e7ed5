import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startServer, testDatabases, type TestServer } from '../../../test/helpers.js';
import { appendAudit, redactSecrets, verifyAuditChain } from './audit.js';

for (const database of testDatabases()) {
  describe(`audit log chain (${database.name})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer({ url: database.url, demoData: false });
    });
    after(() => server.close());

    const entry = (i: number) => ({
      actorId: 1, actorName: '测试员', unitId: null, action: 'test.change', entityType: 'thing', entityId: i,
      before: { value: i - 1 }, after: { value: i, password_hash: 'secret-hash' },
    });

    it('appends entries that verify as an unbroken chain, without secrets', async () => {
      for (let i = 1; i <= 5; i++) await appendAudit(server.ctx.db, entry(i));
      const result = await verifyAuditChain(server.ctx.db);
      assert.deepEqual(result, { ok: true, checked: 5 });
      const row = await server.ctx.db.selectFrom('audit_log').select('after_data').where('seq', '=', 3).executeTakeFirstOrThrow();
      assert.equal(row.after_data?.includes('secret-hash'), false);
    });

    it('keeps the change and its record in one transaction', async () => {
      await assert.rejects(server.ctx.db.transaction().execute(async (trx) => {
        await appendAudit(trx, entry(99));
        throw new Error('change failed');
      }));
      assert.deepEqual(await verifyAuditChain(server.ctx.db), { ok: true, checked: 5 });
    });

    it('refuses UPDATE and DELETE on the log', async () => {
      await assert.rejects(sql`update audit_log set actor_name = 'x' where seq = 1`.execute(server.ctx.db), /append-only/);
      await assert.rejects(sql`delete from audit_log where seq = 1`.execute(server.ctx.db), /append-only/);
    });

    it('reports the first broken link when a row is edited by hand', async () => {
      // Someone with database access disables the guard and edits a row.
      if (server.ctx.dialect === 'postgres') {
        await sql`alter table audit_log disable trigger audit_log_no_change`.execute(server.ctx.db);
      } else {
        await sql`drop trigger audit_log_no_update`.execute(server.ctx.db);
      }
      await sql`update audit_log set after_data = '{"value":42}' where seq = 3`.execute(server.ctx.db);
      const result = await verifyAuditChain(server.ctx.db);
      assert.equal(result.ok, false);
      assert.equal(result.broken?.seq, 3);
      assert.equal(result.checked, 2);
      assert.match(result.broken!.reason, /改动/);
    });
  });
}

describe('redactSecrets', () => {
  it('hides password, secret and token fields at any depth', () => {
    assert.deepEqual(redactSecrets({ a: 1, passwordHash: 'x', nested: [{ token: 't', name: 'n' }] }), { a: 1, passwordHash: '[已隐去]', nested: [{ token: '[已隐去]', name: 'n' }] });
  });
});
