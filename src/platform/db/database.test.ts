import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from './database.js';

describe('embedded SQLite database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-db-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives disk space back after a large transaction instead of keeping a write-ahead log of its size', async () => {
    const handle = await openDatabase<any>({ dataDir: dir });
    const wal = () => statSync(join(dir, 'gongkai.sqlite-wal')).size;
    await sql`create table blob_test (id integer primary key, data blob)`.execute(handle.db);
    await handle.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 100; i++) await sql`insert into blob_test (data) values (randomblob(1000000))`.execute(trx);
    });
    assert.ok(wal() > 100_000_000, `the transaction went through the log (${wal()} bytes)`);
    await sql`pragma wal_checkpoint(PASSIVE)`.execute(handle.db);
    // The next write starts the log again from its beginning and cuts the file back to the limit.
    await sql`insert into blob_test (data) values (x'00')`.execute(handle.db);
    assert.ok(wal() <= 64 * 1024 * 1024, `log cut back to 64 MB (${wal()} bytes)`);
    assert.equal((await sql<{ n: number }>`select count(*) as n from blob_test`.execute(handle.db)).rows[0]!.n, 101);
    await handle.close();
  });
});
