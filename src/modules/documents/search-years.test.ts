import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { seedDemo } from '../../demo.js';
import { migrate, openDatabase, type DbHandle } from '../../platform/db/database.js';
import { migrations, type Database } from '../../schema.js';
import { documentRepository } from './repository.js';
import { sampleDocument } from './test-documents.js';
import { indexPending, searchDocuments, syncSearchIndex } from './search.js';
import { indexTextsOf, plainText, searchKey, searchKeyYear, trigramKeys } from '../../platform/search/text.js';
import { ensureSearchYears } from './search-years.js';
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

for (const databaseUrl of databases) {
  describe('search texts with their trigram keys by year, from migration 0029 (postgres)', () => {
    const schema = newTestSchema();
    let handle: DbHandle<Database>;
    let db: Kysely<Database>;
    const progress: string[] = [];
    const published = ['2021-04-01T02:00:00.000Z', '2026-05-06T02:00:00.000Z'];
    const ids: number[] = [];

    const partitions = async (table: string) => (await sql<{ name: string }>`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = ${table}::regclass order by 1`.execute(db)).rows.map((r) => r.name);

    before(() => holdingSchemaLock(databaseUrl, 'shared', async () => {
      handle = await openDatabase<Database>({ url: databaseUrl, schema });
      db = handle.db;
      await migrate(db, Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0029')), schema);
      await seedDemo(db, undefined, { content: false });
      const unit = (await db.selectFrom('unit').select('id').where('name', '=', '三明市教育局').executeTakeFirstOrThrow()).id;
      for (const [i, at] of published.entries()) {
        const title = `森林防火${i ? '值班' : '巡查'}通知`;
        const body = i ? '节假日森林防火值班安排' : '开展森林防火巡查，森林防火森林防火';
        const { id } = await documentRepository(db).insert(sampleDocument(unit, { index_no: `TRI/${i}`, title, body, published_at: at }));
        ids.push(id);
        // Written as release 0028 wrote index rows: trigram keys in document_search, texts without them.
        const [texts] = indexTextsOf([{ title, keywords: null, texts: [body] }]);
        const key = searchKey(at, id);
        await ensureSearchYears(db, [searchKeyYear(key)]);
        await sql`insert into document_search (document_id, sort_key, tsv, chars, title, tri)
          values (${id}, ${key}, strip(to_tsvector('simple', ${`${texts!.title} ${texts!.body}`})), array_to_tsvector(string_to_array(${`${texts!.charTitle} ${texts!.charBody}`.trim()}, ' ')),
            to_tsvector('simple', ${texts!.title}), ${sql.val([...trigramKeys(`${texts!.title} ${texts!.body}`)])}::int4[])`.execute(db);
        await sql`insert into document_search_text (sort_key, txt) values (${key}, ${plainText(title, null, [body])})`.execute(db);
      }
      await db.deleteFrom('search_pending').execute();
      await migrate(db, migrations, schema, (message) => progress.push(message));
    }));
    after(async () => {
      await handle.close();
      await dropTestSchema(databaseUrl, schema);
    });

    it('keeps each year\'s texts and trigram keys in a partition of their own, copied, not queued again', async () => {
      assert.deepEqual(await partitions('document_search_text'), ['document_search_text_y2021', 'document_search_text_y2026']);
      const columns = (await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = 'document_search'`.execute(db)).rows.map((r) => r.name);
      assert.ok(!columns.includes('tri'), columns.join());
      assert.equal(Number((await db.selectFrom('search_pending').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), 0);
      assert.ok(progress.some((m) => m.startsWith('迁移 0029：正在把 2 份文件的三字索引键')), progress.join('\n'));
    });

    it('finds four-character phrases from the copied keys, newest first or by occurrences', async () => {
      const newest = await searchDocuments(db, { q: '森林防火', sort: 'date', page: 1, pageSize: 20 });
      assert.deepEqual(newest.items.map((d) => d.id), [ids[1], ids[0]]);
      const one = await searchDocuments(db, { q: '防火巡查', sort: 'relevance', page: 1, pageSize: 20 });
      assert.deepEqual(one.items.map((d) => d.id), [ids[0]]);
      // Both have the phrase in the title line; the older has it four times in all, the newer twice.
      const ranked = await searchDocuments(db, { q: '森林防火', sort: 'relevance', page: 1, pageSize: 20 });
      assert.deepEqual(ranked.items.map((d) => d.id), [ids[0], ids[1]]);
    });

    it('writes new documents\' keys beside their texts, in their year\'s partition', async () => {
      const unit = (await db.selectFrom('unit').select('id').where('name', '=', '三明市教育局').executeTakeFirstOrThrow()).id;
      const at = '2009-03-03T02:00:00.000Z';
      const { id } = await documentRepository(db).insert(sampleDocument(unit, { index_no: 'TRI/new', title: '防火巡查记录', body: '巡查', published_at: at }));
      await syncSearchIndex(db, id);
      assert.ok((await partitions('document_search_text')).includes('document_search_text_y2009'));
      const found = await searchDocuments(db, { q: '防火巡查', sort: 'date', page: 1, pageSize: 20 });
      assert.deepEqual(found.items.map((d) => d.id), [ids[0], id]);
    });
  });
}
