import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, startServer, testDatabases, unitId, type TestServer } from '../../../test/helpers.js';
import { documentRepository } from './repository.js';
import { normaliseDocNo } from './rules.js';
import { sql } from 'kysely';
import { sampleDocument } from './test-documents.js';
import { indexPending, queueForIndex, rebuildSearchIndex, searchDocuments, syncSearchIndex } from './search.js';

// A small corpus with natural government phrases, deterministic for every run.
const PHRASES = [
  '关于做好义务教育招生工作的通知', '推进政务公开标准化规范化', '城乡居民基本医疗保险', '农村危房改造补助资金', '公共资源交易平台',
  '安全生产专项整治三年行动', '保障性住房分配结果公示', '财政预决算公开', '三明市林业局', '生态环境监督检查情况', '就业创业扶持政策',
  '食品药品抽检结果', '征收补偿方案', '行政许可办理结果', 'GDP同比增长6.5%', '2026年第一季度', '政府信息公开工作年度报告',
];
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = () => PHRASES[Math.floor(rand() * PHRASES.length)]!;
const sentence = () => `${pick()}，${pick()}。`;

const QUERIES = ['公开', '政务公开', '三明', '义务教育', '结果', '补助资金', '林', '政务 结果', '医疗 保险 城乡', 'gdp', '2026年', '不存在的词语',
  // Terms the index cannot answer alone (narrowed by their certain parts, then scanned): numbers inside, mixed scripts.
  '第12号', '（第3', '6.5%', '2026年第一季度', 'GDP同比增长6.5', '明教〔2026〕20号', '同比增长6 林业局'];

for (const database of testDatabases()) {
  describe(`document search (${database.name})`, () => {
    let server: TestServer;
    const docs: Array<{ id: number; title: string; keywords: string; body: string; published: boolean }> = [];

    before(async () => {
      server = await startServer({ url: database.url, demoData: true });
      const unit = await unitId(server, '三明市教育局');
      const repo = documentRepository(server.ctx.db);
      for (let i = 0; i < 240; i++) {
        const title = `${pick()}（第${i}号）`;
        const body = Array.from({ length: 1 + Math.floor(rand() * 6) }, sentence).join('');
        const keywords = pick().slice(0, 4);
        const published = i % 7 !== 0;
        const { id } = await repo.insert(sampleDocument(unit, {
          index_no: `TEST/${database.name}-${i}`, title, body, keywords, written_date: '2026-01-05',
          doc_no: i % 10 === 0 ? `明教〔2026〕${i}号` : null, doc_no_norm: i % 10 === 0 ? normaliseDocNo(`明教〔2026〕${i}号`) : null, validity: i % 11 === 0 ? 'repealed' : 'valid',
          status: published ? 'published' : 'draft', published_at: published ? new Date(Date.UTC(2026, 0, 1) + i * 3600_000).toISOString() : null,
        }));
        await syncSearchIndex(server.ctx.db, id);
        docs.push({ id, title, keywords, body, published });
      }
    });
    after(() => server.close());

    /** Takes test documents out of public view (and so out of the index), leaving the corpus as it was. */
    const withdraw = async (ids: number[]) => {
      for (const id of ids) {
        await server.ctx.db.updateTable('document').set({ status: 'withdrawn' }).where('id', '=', id).execute();
        await syncSearchIndex(server.ctx.db, id);
      }
    };

    const expected = (q: string) => {
      const terms = q.split(/\s+/).filter(Boolean).map((t) => t.toLowerCase());
      return docs.filter((d) => d.published && terms.every((t) => `${d.title}\n${d.keywords}\n${d.body}`.toLowerCase().includes(t))).map((d) => d.id).sort((a, b) => a - b);
    };

    it('finds exactly the published documents that contain every term (checked against a substring scan)', async () => {
      for (const q of QUERIES) {
        const { items, total } = await searchDocuments(server.ctx.db, { q, sort: 'date', page: 1, pageSize: 1000 });
        const got = items.map((d) => d.id).sort((a, b) => a - b);
        assert.deepEqual(got, expected(q), `query ${q}`);
        assert.equal(total, got.length, `total for ${q}`);
      }
      assert.ok(expected('公开').length > 20, 'the corpus exercises the common case');
    });

    it('finds a phrase only where its characters are consecutive, not where its parts occur apart', async () => {
      const unit = await unitId(server, '三明市教育局');
      const texts = { whole: '按照甲乙丙丁执行', parts: '甲乙丙，乙丙丁', pairs: '甲乙，丙丁，乙丙', none: '无关内容' };
      const ids: Record<string, number> = {};
      for (const [name, body] of Object.entries(texts)) {
        const title = `相邻样本${name}`;
        const { id } = await documentRepository(server.ctx.db).insert(sampleDocument(unit, { index_no: `ADJ/${database.name}-${name}`, title, body, keywords: '', published_at: '2026-03-01T02:00:00.000Z' }));
        await syncSearchIndex(server.ctx.db, id);
        docs.push({ id, title, keywords: '', body, published: true });
        ids[name] = id;
      }
      const found = async (q: string) => (await searchDocuments(server.ctx.db, { q, sort: 'relevance', page: 1, pageSize: 20 })).items.map((d) => d.id).sort((a, b) => a - b);
      assert.deepEqual(await found('甲乙丙丁'), [ids.whole]);
      assert.deepEqual(await found('乙丙丁'), [ids.whole, ids.parts].sort((a, b) => a! - b!));
      assert.deepEqual(await found('乙丙'), [ids.whole, ids.parts, ids.pairs].sort((a, b) => a! - b!));
      assert.deepEqual(await found('甲乙丙丁 执行'), [ids.whole]);
    });

    it('ranks a document that uses the words more often above one that uses them once', async () => {
      const unit = await unitId(server, '三明市教育局');
      const made: number[] = [];
      // The same length and date; only how often the phrase occurs differs (once, three times, in the title).
      for (const [name, title, body] of [['once', '排序甲', '发放耕地地力补贴一次。其余内容其余内容其余内容其余内容。'], ['thrice', '排序乙', '耕地地力补贴按面积发放，耕地地力补贴标准公开，耕地地力补贴到户。'],
        ['title', '耕地地力补贴发放通知', '本通知说明发放范围。其余内容其余内容其余内容其余内容。']] as const) {
        const { id } = await documentRepository(server.ctx.db).insert(sampleDocument(unit, { index_no: `OCC/${database.name}-${name}`, title, body, keywords: '', published_at: '2026-04-01T02:00:00.000Z' }));
        await syncSearchIndex(server.ctx.db, id);
        made.push(id);
      }
      const [once, thrice, titled] = made;
      for (const q of ['耕地地力补贴', '地力 补贴']) {
        const ranked = (await searchDocuments(server.ctx.db, { q, sort: 'relevance', page: 1, pageSize: 10 })).items.map((d) => d.id);
        assert.deepEqual(ranked, [titled, thrice, once], `ranking of ${q}`);
      }
      await withdraw(made);
    });

    it('ranks by relevance or by date, filters and pages', async () => {
      const byDate = await searchDocuments(server.ctx.db, { q: '公开', sort: 'date', page: 1, pageSize: 10 });
      const dates = byDate.items.map((d) => d.published_at!);
      assert.deepEqual(dates, [...dates].sort().reverse());
      const relevance = await searchDocuments(server.ctx.db, { q: '政务公开', sort: 'relevance', page: 1, pageSize: 5 });
      assert.ok(relevance.items[0]!.title.includes('政务公开'), 'a title hit ranks first');
      // Every hit is ranked, none lost or repeated, and the pages of a ranking join up.
      for (const q of ['政务公开', '补助资金', '政务 结果']) {
        const ranked = (await searchDocuments(server.ctx.db, { q, sort: 'relevance', page: 1, pageSize: 1000 })).items.map((d) => d.id);
        assert.deepEqual([...ranked].sort((a, b) => a - b), expected(q), `all hits of ${q}`);
        const second = await searchDocuments(server.ctx.db, { q, sort: 'relevance', page: 2, pageSize: 5 });
        assert.deepEqual(second.items.map((d) => d.id), ranked.slice(5, 10), `page 2 of ${q}`);
      }
      const repealed = await searchDocuments(server.ctx.db, { q: '公开', sort: 'date', validity: 'repealed', page: 1, pageSize: 100 });
      assert.ok(repealed.items.every((d) => d.validity === 'repealed'));
      const page2 = await searchDocuments(server.ctx.db, { q: '公开', sort: 'date', page: 2, pageSize: 10 });
      assert.equal(page2.items[0]!.id, (await searchDocuments(server.ctx.db, { q: '公开', sort: 'date', page: 1, pageSize: 11 })).items[10]!.id);
    });

    it('counts and ranks a bounded number of hits, newest first, and says so', async () => {
      const all = expected('公开');
      const capped = await searchDocuments(server.ctx.db, { q: '公开', sort: 'date', page: 1, pageSize: 10 }, { count: 15, rank: 12 });
      assert.equal(capped.total, 15);
      assert.equal(capped.totalCapped, true);
      const newest = docs.filter((d) => all.includes(d.id)).map((d) => d.id).sort((a, b) => b - a);
      assert.deepEqual(capped.items.map((d) => d.id), newest.slice(0, 10), 'newest first straight from the index');
      // Too many hits to rank: title (or keyword) hits first, then the others, each newest first; pages join up.
      const titled = newest.filter((id) => { const d = docs.find((x) => x.id === id)!; return `${d.title} ${d.keywords}`.includes('公开'); });
      const order = [...titled, ...newest.filter((id) => !titled.includes(id))];
      assert.ok(titled.length > 3 && titled.length < order.length - 3, 'the corpus has both kinds');
      const ranked = await searchDocuments(server.ctx.db, { q: '公开', sort: 'relevance', page: 1, pageSize: 500 }, { count: 1000, rank: 12 });
      assert.equal(ranked.rankCapped, true);
      assert.deepEqual(ranked.items.map((d) => d.id), order);
      for (const [page, pageSize] of [[2, 3], [Math.ceil(titled.length / 5), 5], [Math.ceil(titled.length / 5) + 1, 5]] as const) {
        const got = await searchDocuments(server.ctx.db, { q: '公开', sort: 'relevance', page, pageSize }, { count: 1000, rank: 12 });
        assert.deepEqual(got.items.map((d) => d.id), order.slice((page - 1) * pageSize, page * pageSize), `page ${page} of ${pageSize}`);
      }
      const small = await searchDocuments(server.ctx.db, { q: '公开', sort: 'relevance', page: 1, pageSize: 5 });
      assert.equal(small.rankCapped, false, 'few enough hits are all ranked');
      const exact = await searchDocuments(server.ctx.db, { q: '公开', sort: 'date', page: 1, pageSize: 10 });
      assert.equal(exact.total, all.length);
      assert.equal(exact.totalCapped, false);
    });

    it('filters by year inside the index and by document fields', async () => {
      const in2026 = await searchDocuments(server.ctx.db, { q: '公开', sort: 'date', year: 2026, page: 1, pageSize: 1000 });
      assert.equal(in2026.total, expected('公开').length, 'every test document is from 2026');
      assert.equal((await searchDocuments(server.ctx.db, { q: '公开', sort: 'date', year: 2025, page: 1, pageSize: 10 })).total, 0);
      const other = await searchDocuments(server.ctx.db, { q: '公开', sort: 'date', unitId: await unitId(server, '三明市财政局'), page: 1, pageSize: 10 });
      assert.ok(other.items.every((d) => d.unit_name === '三明市财政局'));
      assert.ok(!other.items.some((d) => docs.some((x) => x.id === d.id)), 'none of the 教育局 test documents');
    });

    it('pages through many hits newest first, whether hits are common or rare among the newest documents', async () => {
      for (const q of ['公开', '林', '补助资金', '征收补偿方案']) {
        // The test documents' ids grow with their publication time.
        const want = expected(q).sort((a, b) => b - a).slice(0, 10);
        assert.ok(want.length === 10, `${q} has more hits than are counted`);
        const got: number[] = [];
        for (let page = 1; page <= 5; page++) {
          // Counted up to 10: every page is read as "many hits", as for a common word in a large corpus.
          const res = await searchDocuments(server.ctx.db, { q, sort: 'date', page, pageSize: 2 }, { count: 10, rank: 10 });
          assert.equal(res.totalCapped, true);
          got.push(...res.items.map((d) => d.id));
        }
        assert.deepEqual(got, want, `pages of ${q}`);
      }
      // Hits older than every recent document, across years (PostgreSQL reads them year by year).
      const repo = documentRepository(server.ctx.db);
      const unit = await unitId(server, '三明市教育局');
      const older: number[] = [];
      for (const at of ['2026-02-01T02:00:00.000Z', '2025-06-01T02:00:00.000Z', '2025-01-02T02:00:00.000Z', '2023-03-01T02:00:00.000Z']) {
        const { id } = await repo.insert(sampleDocument(unit, { index_no: `PAGES/${database.name}-${at}`, title: '逐年翻页样本', body: '逐年翻页', published_at: at }));
        await syncSearchIndex(server.ctx.db, id);
        older.push(id);
      }
      const pages: number[] = [];
      for (let page = 1; page <= 3; page++) pages.push(...(await searchDocuments(server.ctx.db, { q: '逐年翻页', sort: 'date', page, pageSize: 1 }, { count: 3, rank: 3 })).items.map((d) => d.id));
      assert.deepEqual(pages, older.slice(0, 3));
      await withdraw(older);
    });

    it('orders too many hits to rank across years: title hits first, then the others, each newest first', async () => {
      const repo = documentRepository(server.ctx.db);
      const unit = await unitId(server, '三明市教育局');
      const made: Array<{ id: number; inTitle: boolean; at: string }> = [];
      const samples: Array<[string, boolean]> = [['2026-03-01T02:00:00.000Z', false], ['2025-09-01T02:00:00.000Z', true], ['2025-02-01T02:00:00.000Z', false],
        ['2024-05-01T02:00:00.000Z', false], ['2023-07-01T02:00:00.000Z', true], ['2021-04-01T02:00:00.000Z', false], ['2019-08-01T02:00:00.000Z', true]];
      for (const [at, inTitle] of samples) {
        const { id } = await repo.insert(sampleDocument(unit, { index_no: `RANKYEARS/${database.name}-${at}`, title: inTitle ? '历年排序样本' : '其他样本', body: `关于历年排序的说明 ${at}`, published_at: at }));
        await syncSearchIndex(server.ctx.db, id);
        made.push({ id, inTitle, at });
      }
      const newestFirst = (list: typeof made) => [...list].sort((a, b) => b.at.localeCompare(a.at)).map((d) => d.id);
      const order = [...newestFirst(made.filter((d) => d.inTitle)), ...newestFirst(made.filter((d) => !d.inTitle))];
      // All seven counted but only two ranked; then only five counted (the total says "more than").
      for (const limits of [{ count: 1000, rank: 2 }, { count: 5, rank: 2 }]) {
        const got: number[] = [];
        for (let page = 1; page <= 4; page++) {
          const res = await searchDocuments(server.ctx.db, { q: '历年排序', sort: 'relevance', page, pageSize: 2 }, limits);
          assert.equal(res.rankCapped, res.items.length > 0);
          got.push(...res.items.map((d) => d.id));
        }
        // Pages start below the total (counted up to the limit), each one full.
        const pages = Math.ceil(Math.min(order.length, limits.count) / 2);
        assert.deepEqual(got, order.slice(0, pages * 2), `limits ${JSON.stringify(limits)}`);
      }
      await withdraw(made.map((d) => d.id));
    });

    it('counts a document published just after midnight on 1 January Beijing time in the new year', async () => {
      const db = server.ctx.db;
      const repo = documentRepository(db);
      // Published at 2026-01-01 00:30 in Beijing.
      const { id } = await repo.insert(sampleDocument(await unitId(server, '三明市教育局'), { index_no: `NEWYEAR/${database.name}`, title: '跨年发布样本', body: '跨年发布', published_at: '2025-12-31T16:30:00.000Z' }));
      await syncSearchIndex(db, id);
      const found = async (year: number) => (await searchDocuments(db, { q: '跨年发布', sort: 'date', year, page: 1, pageSize: 10 })).items.map((d) => d.id);
      assert.deepEqual(await found(2026), [id]);
      assert.deepEqual(await found(2025), []);
      const listed = async (year: number) => (await repo.listPublished({ year, page: 1, pageSize: 500 })).items.some((d) => d.id === id);
      assert.equal(await listed(2026), true);
      assert.equal(await listed(2025), false);
      await withdraw([id]);
    });

    if (database.name === 'postgres') {
      it('re-indexes a document while another connection is writing its index row, without failing on the key', async () => {
        const db = server.ctx.db;
        const { id } = await documentRepository(db).insert(sampleDocument(await unitId(server, '三明市教育局'), { index_no: `RACE/${database.name}`, title: '并发索引样本', body: '并发索引', published_at: '2026-03-01T01:00:00.000Z' }));
        let second: Promise<unknown> | undefined;
        await db.transaction().execute(async (trx) => {
          // A batch's write, not yet committed: the second writer's delete cannot see this row, and its insert waits for it.
          await syncSearchIndex(trx, id);
          second = syncSearchIndex(db, id);
          await new Promise((r) => setTimeout(r, 300));
        });
        await second;
        const found = await searchDocuments(db, { q: '并发索引', sort: 'date', page: 1, pageSize: 10 });
        assert.deepEqual(found.items.map((d) => d.id), [id]);
        await withdraw([id]);
      });
    }

    if (database.name === 'postgres') {
      it('checks phrases in the text itself: no match across punctuation, and no text left of a withdrawn document', async () => {
        const db = server.ctx.db;
        const unit = await unitId(server, '三明市教育局');
        const repo = documentRepository(db);
        // Every bigram and trigram of 戊己庚辛 is here, but not the phrase.
        const { id: chain } = await repo.insert(sampleDocument(unit, { index_no: `CHAIN/${database.name}`, title: '标点样本', body: '戊己庚，己庚辛，庚辛', keywords: '', published_at: '2026-05-01T02:00:00.000Z' }));
        const { id: whole } = await repo.insert(sampleDocument(unit, { index_no: `WHOLE/${database.name}`, title: '连续样本', body: '按照戊己庚辛办理', keywords: '', published_at: '2026-05-02T02:00:00.000Z' }));
        for (const id of [chain, whole]) await syncSearchIndex(db, id);
        for (const sort of ['relevance', 'date'] as const) {
          const got = await searchDocuments(db, { q: '戊己庚辛', sort, page: 1, pageSize: 10 });
          assert.deepEqual(got.items.map((d) => d.id), [whole], `sorted by ${sort}`);
          assert.equal(got.total, 1);
        }
        const texts = async () => Number((await sql<{ n: string }>`select count(*) as n from document_search_text t join document_search s using (sort_key) where s.document_id in (${sql.join([chain, whole])})`.execute(db)).rows[0]!.n);
        assert.equal(await texts(), 2);
        await withdraw([chain, whole]);
        assert.equal(await texts(), 0);
        const orphans = await sql<{ n: string }>`select count(*) as n from document_search_text t where not exists (select 1 from document_search s where s.sort_key = t.sort_key)`.execute(db);
        assert.equal(Number(orphans.rows[0]!.n), 0, 'every text belongs to an index row');
      });
    }

    it('finds the same after the index is rebuilt from the documents', async () => {
      if (database.name === 'postgres') await sql`delete from document_search`.execute(server.ctx.db);
      else {
        await sql`delete from document_fts`.execute(server.ctx.db);
        await sql`delete from document_chars`.execute(server.ctx.db);
      }
      assert.equal((await searchDocuments(server.ctx.db, { q: '公开', sort: 'date', page: 1, pageSize: 10 })).total, 0);
      await rebuildSearchIndex(server.ctx.db);
      for (const q of ['公开', '林', '明教〔2026〕20号']) {
        const { items } = await searchDocuments(server.ctx.db, { q, sort: 'date', page: 1, pageSize: 1000 });
        assert.deepEqual(items.map((d) => d.id).sort((a, b) => a - b), expected(q), `query ${q}`);
      }
    });

    it('answers the public search API with highlighted snippets and 文号 matches', async () => {
      const c = new Client(server.baseUrl);
      const res = await c.get(`/api/v1/public/search?q=${encodeURIComponent('补助资金')}&sort=date`);
      assert.equal(res.status, 200);
      assert.equal(res.body.total, expected('补助资金').length);
      const inBody = res.body.items.find((i: { snippetHtml: string }) => i.snippetHtml.includes('<mark>'));
      assert.match(inBody.snippetHtml, /<mark>补助资金<\/mark>/);
      const withNo = docs.find((d, i) => i === 20 && d.published)!;
      const byNo = await c.get(`/api/v1/public/search?q=${encodeURIComponent('明教[2026]20号')}`);
      assert.deepEqual(byNo.body.exact.map((d: { id: number }) => d.id), [withNo.id]);
      assert.equal((await c.get('/api/v1/public/search?q=')).status, 400);
    });

    it('bulk indexing keeps documents changed while their batch was being prepared as they now are', async () => {
      const db = server.ctx.db;
      const unit = await unitId(server, '三明市教育局');
      const repo = documentRepository(db);
      const queued: Array<{ id: number; published_at: string }> = [];
      for (let i = 0; i < 120; i++) {
        const published_at = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
        const { id } = await repo.insert(sampleDocument(unit, { index_no: `BULK/${database.name}-${i}`, title: `预读样本（${i}）`, body: '预读测试样本', published_at }));
        queued.push({ id, published_at });
      }
      await queueForIndex(db, queued);
      // Batches of 40 in publication order: when the first is written, the second (ids 40..79) has been read.
      const [withdrawn, edited] = [queued[45]!.id, queued[60]!.id];
      let calls = 0;
      const indexed = await indexPending(db, async () => {
        if (calls++) return;
        await db.updateTable('document').set({ status: 'withdrawn' }).where('id', '=', withdrawn).execute();
        await syncSearchIndex(db, withdrawn);
        await db.updateTable('document').set({ body_text: '改后词语', body_html: '<p>改后词语</p>' }).where('id', '=', edited).execute();
        await syncSearchIndex(db, edited);
      }, { bulk: true, batch: 40 });
      assert.equal(indexed, 120);
      const found = async (q: string) => (await searchDocuments(db, { q, sort: 'date', page: 1, pageSize: 200 })).items.map((d) => d.id).sort((a, b) => a - b);
      assert.deepEqual(await found('预读测试'), queued.map((d) => d.id).filter((id) => id !== withdrawn && id !== edited).sort((a, b) => a - b));
      assert.deepEqual(await found('改后词语'), [edited]);
      assert.equal((await db.selectFrom('search_pending').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n, 0);
    });
  });
}
