import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { seedDemo } from '../../demo.js';
import { migrate, openDatabase, type DbHandle } from '../../platform/db/database.js';
import { migrations, type Database } from '../../schema.js';
import { documentRepository } from './repository.js';
import { sampleDocument } from './test-documents.js';
import { indexPending, searchDocuments, syncSearchIndex } from './search.js';
import { searchKey, searchKeyYear } from '../../platform/search/text.js';
import { dropTestSchema, holdingSchemaLock, newTestSchema } from '../../../test/helpers.js';

// The yearly partitions exist on PostgreSQL only (SQLite's FTS5 stops in key order by itself).
const url = process.env.TEST_DATABASE_URL;
const databases = url ? [url] : [];

for (const databaseUrl of databases) {
  describe('search index by publication year (postgres)', () => {
    const schema = newTestSchema();
    let handle: DbHandle<Database>;
    let db: Kysely<Database>;
    // Published at 01:30 on 1 January 2024 Beijing time: still 2023 in UTC.
    const published = { y2019: '2019-06-01T01:00:00.000Z', newYear: '2023-12-31T17:30:00.000Z', y2026: '2026-03-02T02:00:00.000Z' };
    const ids: Record<keyof typeof published, number> = { y2019: 0, newYear: 0, y2026: 0 };
    const progress: string[] = [];
    /** What migration 0028 left: index rows and queued documents. */
    const upgraded = { rows: -1, queued: -1 };

    const partitions = async () => (await sql<{ name: string }>`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'document_search'::regclass order by 1`.execute(db)).rows.map((r) => r.name);

    // Migrations list every schema's tables: see holdingSchemaLock.
    before(() => holdingSchemaLock(databaseUrl, 'shared', async () => {
      handle = await openDatabase<Database>({ url: databaseUrl, schema });
      db = handle.db;
      // A database as the previous release left it: one unpartitioned index table with rows in it.
      await migrate(db, Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0026')), schema);
      await seedDemo(db, undefined, { content: false });
      const unit = (await db.selectFrom('unit').select('id').where('name', '=', '三明市教育局').executeTakeFirstOrThrow()).id;
      for (const [name, at] of Object.entries(published) as Array<[keyof typeof published, string]>) {
        const { id } = await documentRepository(db).insert(sampleDocument(unit, { index_no: `YEARS/${name}`, title: `分年度检索样本${name}`, body: '年度分区升级测试', published_at: at }));
        ids[name] = id;
        // Written as migration 0025's layout was written.
        await sql`insert into document_search (document_id, sort_key, tsv, chars, title)
          values (${id}, ${searchKey(at, id)}, to_tsvector('simple', '分年 年度 度分 分区 区升 升级 级测 测试'), array_to_tsvector('{年,度,分,区,升,级,测,试}'), to_tsvector('simple', '分年 年度'))`.execute(db);
      }
      await migrate(db, migrations, schema, (message) => progress.push(message));
      const count = async (table: 'document_search' | 'search_pending') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      upgraded.rows = await count('document_search');
      upgraded.queued = await count('search_pending');
      // As the scheduled job does after an upgrade.
      await indexPending(db);
    }));
    after(async () => {
      await handle.close();
      await dropTestSchema(databaseUrl, schema);
    });

    it('moves an existing index into one partition per Beijing-time year and still finds every document', async () => {
      assert.deepEqual(await partitions(), ['document_search_y2019', 'document_search_y2024', 'document_search_y2026']);
      // A four-character phrase: candidates from the trigram keys, checked in the plain text (0027, 0028).
      const found = await searchDocuments(db, { q: '分区升级', sort: 'date', page: 1, pageSize: 20 });
      assert.deepEqual(found.items.map((d) => d.id), [ids.y2026, ids.newYear, ids.y2019]);
      const three = await searchDocuments(db, { q: '升级测', sort: 'relevance', page: 1, pageSize: 20 });
      assert.equal(three.total, 3);
      const relevance = await searchDocuments(db, { q: '年度', sort: 'relevance', page: 1, pageSize: 20 });
      assert.equal(relevance.total, 3);
    });

    it('empties the index at migration 0028 and queues every public document to be indexed again', () => {
      assert.deepEqual(upgraded, { rows: 0, queued: 3 });
    });

    it('tells the operator what the long upgrade steps are doing', () => {
      assert.ok(progress.some((m) => m.startsWith('迁移 0026：正在建立各年度的检索索引')), progress.join('\n'));
      assert.ok(progress.some((m) => m.startsWith('迁移 0027：索引键已生成（3 份）')), progress.join('\n'));
    });

    it('adds the partition for a year the index has not seen when a document of that year is indexed', async () => {
      const doc = await db.selectFrom('document').selectAll().where('id', '=', ids.y2019).executeTakeFirstOrThrow();
      const at = '2008-05-12T06:28:00.000Z';
      await db.updateTable('document').set({ published_at: at }).where('id', '=', doc.id).execute();
      await syncSearchIndex(db, doc.id);
      assert.equal(searchKeyYear(searchKey(at, doc.id)), 2008);
      assert.ok((await partitions()).includes('document_search_y2008'));
      const found = await searchDocuments(db, { q: '分区升级', sort: 'date', page: 1, pageSize: 20 });
      assert.deepEqual(found.items.map((d) => d.id), [ids.y2026, ids.newYear, doc.id]);
    });
  });
}
