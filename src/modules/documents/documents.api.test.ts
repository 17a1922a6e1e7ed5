import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { as, Client, testDatabases, useDemoServer } from '../../../test/helpers.js';
import { publishDue } from './service.js';

const ID = '11010519491231002X';

for (const database of testDatabases()) {
  describe(`documents API (${database.name})`, () => {
    const t = useDemoServer(database.url);

    const draft = (extra: Record<string, unknown> = {}) => ({
      unitId: t.edu, title: '三明市教育局关于做好2026年义务教育招生工作的通知', docNo: '明教〔2026〕12号', writtenDate: '2026-03-02',
      topic: '科技、教育', genre: '通知', summary: '部署2026年义务教育阶段招生入学工作。', keywords: '义务教育 招生',
      fivePublic: 'execution', art20Item: 11, disclosure: 'proactive', bodyText: '各县（市、区）教育局：\n\n现就做好2026年义务教育招生工作通知如下。',
      ...extra,
    });

    const auditTrail = async (id: number) =>
      (await t.server.ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'document').where('entity_id', '=', String(id)).orderBy('seq').execute()).map((r) => r.action);

    it('drafts with a generated 索引号, reviews and publishes; the public sees it; every step is audited', async () => {
      const editor = await as(t.server, 'jyj.editor');
      const created = await editor.post('/api/v1/documents', draft());
      assert.equal(created.status, 201, created.text);
      assert.equal(created.body.status, 'draft');
      assert.match(created.body.indexNo, /^350400|^GK\d{6}\/\d{4}-00001$/);
      assert.equal(created.body.bodyHtml, '<p>各县（市、区）教育局：</p><p>现就做好2026年义务教育招生工作通知如下。</p>');
      const id = created.body.id;
      const anon = new Client(t.server.baseUrl);
      assert.equal((await anon.get(`/api/v1/public/documents/${id}`)).status, 404, 'drafts are not public');

      const submitted = await editor.post(`/api/v1/documents/${id}/submit`);
      assert.equal(submitted.body.status, 'submitted');
      assert.deepEqual(submitted.body.findings.filter((f: { severity: string }) => f.severity === 'block'), []);
      assert.equal((await editor.post(`/api/v1/documents/${id}/approve`, {})).status, 403, 'an editor cannot review');

      const reviewer = await as(t.server, 'jyj.reviewer');
      const approved = await reviewer.post(`/api/v1/documents/${id}/approve`, { note: '同意发布' });
      assert.equal(approved.status, 200, approved.text);
      assert.equal(approved.body.status, 'approved');
      const published = await reviewer.post(`/api/v1/documents/${id}/publish`, {});
      assert.equal(published.body.status, 'published');
      assert.ok(published.body.publishedAt);

      const pub = await anon.get(`/api/v1/public/documents/${id}`);
      assert.equal(pub.status, 200);
      assert.equal(pub.body.title, draft().title);
      assert.equal('findings' in pub.body, false);
      const byNo = await anon.get(`/api/v1/public/documents/by-doc-no?docNo=${encodeURIComponent('明教[2026]12号')}`);
      assert.deepEqual(byNo.body.items.map((d: { id: number }) => d.id), [id]);
      const list = await anon.get('/api/v1/public/documents?art20=11');
      assert.ok(list.body.items.some((d: { id: number }) => d.id === id));
      assert.deepEqual(await auditTrail(id), ['document.create', 'document.submit', 'document.approve', 'document.publish']);

      const withdrawn = await reviewer.post(`/api/v1/documents/${id}/withdraw`, { reason: '内容需要更新' });
      assert.equal(withdrawn.body.status, 'withdrawn');
      assert.equal((await anon.get(`/api/v1/public/documents/${id}`)).status, 404);
    });

    it('stops a document with an ID number before publishing and shows the reviewer where it is', async () => {
      const editor = await as(t.server, 'jyj.editor');
      const created = await editor.post('/api/v1/documents', draft({ title: '关于张某某学籍变更的公示', docNo: null, bodyText: `学生张某某（身份证号${ID}）学籍变更如下。` }));
      const id = created.body.id;
      const submitted = await editor.post(`/api/v1/documents/${id}/submit`);
      const finding = submitted.body.findings.find((f: { kind: string }) => f.kind === 'id_number');
      assert.ok(finding, JSON.stringify(submitted.body.findings));
      assert.equal(finding.field, 'body');
      assert.equal(finding.offset, `学生张某某（身份证号`.length);
      assert.equal(finding.excerpt.includes(ID), false, 'the finding does not repeat the number');
      const reviewer = await as(t.server, 'jyj.reviewer');
      const seen = await reviewer.get(`/api/v1/documents/${id}`);
      assert.ok(seen.body.findings.some((f: { kind: string }) => f.kind === 'id_number'));
      const refused = await reviewer.post(`/api/v1/documents/${id}/approve`, {});
      assert.equal(refused.status, 409);
      assert.equal(refused.body.code, 'blocking_findings');
      assert.match(refused.body.message, /身份证号码/);
      const back = await reviewer.post(`/api/v1/documents/${id}/reject`, { note: '请删除身份证号' });
      assert.equal(back.body.status, 'draft');
      const fixed = await editor.request('PUT', `/api/v1/documents/${id}`, draft({ title: '关于张某某学籍变更的公示', docNo: null, bodyText: '学生张某某学籍变更如下。' }));
      assert.equal(fixed.status, 200);
      await editor.post(`/api/v1/documents/${id}/submit`);
      assert.equal((await reviewer.post(`/api/v1/documents/${id}/approve`, {})).body.status, 'approved');
    });

    it('requires a legal ground and reason for non-public documents, and never lets the author review', async () => {
      const gkb = await as(t.server, 'sm.gkb');
      const bad = await gkb.post('/api/v1/documents', draft({ disclosure: 'withheld' }));
      assert.equal(bad.status, 400);
      assert.equal(bad.body.code, 'invalid_disclosure');
      const wrongGround = await gkb.post('/api/v1/documents', draft({ disclosure: 'withheld', withholdGround: 'specific_parties', withholdReason: '仅涉及个别学校' }));
      assert.equal(wrongGround.status, 400);
      const ok = await gkb.post('/api/v1/documents', draft({ disclosure: 'withheld', withholdGround: 'process_info', withholdReason: '内部讨论过程稿' }));
      assert.equal(ok.status, 201);
      await gkb.post(`/api/v1/documents/${ok.body.id}/submit`);
      const self = await gkb.post(`/api/v1/documents/${ok.body.id}/approve`, {});
      assert.equal(self.status, 403);
      assert.match(self.body.message, /起草人/);
    });

    it('keeps other units out (403) and sanitises the body', async () => {
      const fgwEditor = await as(t.server, 'fgw.editor');
      const editor = await as(t.server, 'jyj.editor');
      const created = await editor.post('/api/v1/documents', draft({ bodyText: undefined, bodyHtml: '<p onclick="x()">正文<script>alert(1)</script><a href="javascript:alert(1)">链接</a><img src="http://evil/x.png"></p>' }));
      assert.equal(created.body.bodyHtml, '<p>正文<a>链接</a></p>');
      const id = created.body.id;
      assert.equal((await fgwEditor.get(`/api/v1/documents/${id}`)).status, 403);
      assert.equal((await fgwEditor.request('PUT', `/api/v1/documents/${id}`, draft())).status, 403);
      assert.equal((await fgwEditor.post(`/api/v1/documents/${id}/submit`)).status, 403);
      assert.equal((await fgwEditor.post('/api/v1/documents', draft())).status, 403);
      const list = await fgwEditor.get('/api/v1/documents?pageSize=200');
      assert.ok(list.body.items.every((d: { unitName: string }) => d.unitName === '三明市发展和改革委员会'));
      const county = await as(t.server, 'syq.gkb');
      assert.equal((await county.post(`/api/v1/documents/${id}/reject`, { note: '越权退回' })).status, 403);
    });

    it('schedules publication and publishes when the time comes', async () => {
      const editor = await as(t.server, 'jyj.editor');
      const reviewer = await as(t.server, 'jyj.reviewer');
      const { body } = await editor.post('/api/v1/documents', draft({ title: '定时发布测试通知' }));
      await editor.post(`/api/v1/documents/${body.id}/submit`);
      await reviewer.post(`/api/v1/documents/${body.id}/approve`, {});
      const soon = new Date(Date.now() + 1500).toISOString();
      const scheduled = await reviewer.post(`/api/v1/documents/${body.id}/publish`, { publishAt: soon });
      assert.equal(scheduled.body.status, 'scheduled');
      assert.equal(await publishDue(t.server.ctx.db), 0);
      await new Promise((r) => setTimeout(r, 1600));
      assert.equal(await publishDue(t.server.ctx.db), 1);
      assert.equal((await new Client(t.server.baseUrl).get(`/api/v1/public/documents/${body.id}`)).status, 200);
      assert.equal(await publishDue(t.server.ctx.db), 0, 'runs once');
    });

    it('lets the city disclosure office edit the word list, which then warns editors', async () => {
      const gkb = await as(t.server, 'sm.gkb');
      const county = await as(t.server, 'syq.gkb');
      assert.equal((await county.post('/api/v1/sensitive-words', { word: '某错词', severity: 'warn' })).status, 403);
      const added = await gkb.post('/api/v1/sensitive-words', { word: '义务教育阶段段', suggestion: '义务教育阶段', severity: 'warn' });
      assert.equal(added.status, 201);
      const editor = await as(t.server, 'jyj.editor');
      const { body } = await editor.post('/api/v1/documents', draft({ bodyText: '截止目前，义务教育阶段段招生已完成。' }));
      const check = await editor.get(`/api/v1/documents/${body.id}/check`);
      const words = check.body.findings.filter((f: { kind: string }) => f.kind === 'sensitive_word').map((f: { suggestion: string }) => f.suggestion);
      assert.deepEqual(words.sort(), ['义务教育阶段', '截至目前'].sort());
    });

    it('lists published documents in Atom feeds, the sitemap and the unit CSV', async () => {
      const editor = await as(t.server, 'jyj.editor');
      const reviewer = await as(t.server, 'jyj.reviewer');
      const { body } = await editor.post('/api/v1/documents', draft({ title: '关于订阅测试 <特殊> & 字符的通知', art20Item: 5 }));
      await editor.post(`/api/v1/documents/${body.id}/submit`);
      await reviewer.post(`/api/v1/documents/${body.id}/approve`, {});
      await reviewer.post(`/api/v1/documents/${body.id}/publish`, {});
      const anon = new Client(t.server.baseUrl);
      const all = await anon.get('/feeds/all.atom');
      assert.match(all.headers.get('content-type')!, /application\/atom\+xml/);
      assert.match(all.text, /<title>关于订阅测试 &lt;特殊&gt; &amp; 字符的通知<\/title>/);
      assert.match((await anon.get(`/feeds/units/${t.edu}.atom`)).text, new RegExp(`/xxgk/documents/${body.id}`));
      assert.match((await anon.get('/feeds/statutory/5.atom')).text, /关于订阅测试/);
      assert.doesNotMatch((await anon.get('/feeds/statutory/6.atom')).text, /关于订阅测试/);
      assert.equal((await anon.get('/feeds/statutory/99.atom')).status, 404);
      const sitemap = await anon.get('/sitemap.xml');
      assert.match(sitemap.text, new RegExp(`<loc>${t.server.baseUrl}/xxgk/documents/${body.id}</loc>`));
      const csv = await anon.get(`/xxgk/units/${t.edu}/documents.csv`);
      assert.ok(csv.text.includes(body.indexNo));
      assert.ok(csv.text.includes(`/xxgk/documents/${body.id}`));
    });

    it('revises a published document: the public keeps the old text until the revision is published, then sees the change note', async () => {
      const editor = await as(t.server, 'jyj.editor');
      const reviewer = await as(t.server, 'jyj.reviewer');
      const anon = new Client(t.server.baseUrl);
      const { body } = await editor.post('/api/v1/documents', draft({ title: '修订测试通知', bodyText: '原来的正文。' }));
      await editor.post(`/api/v1/documents/${body.id}/submit`);
      await reviewer.post(`/api/v1/documents/${body.id}/approve`, {});
      await reviewer.post(`/api/v1/documents/${body.id}/publish`, {});
      const revision = await editor.post(`/api/v1/documents/${body.id}/revise`, { changeNote: '更正报名时间' });
      assert.equal(revision.status, 200, revision.text);
      assert.equal(revision.body.revisionOf, body.id);
      assert.equal(revision.body.version, 2);
      assert.equal((await editor.post(`/api/v1/documents/${body.id}/revise`, { changeNote: '再次修订' })).status, 409);
      await editor.request('PUT', `/api/v1/documents/${revision.body.id}`, draft({ title: '修订测试通知', bodyText: '更正后的正文。', changeNote: '更正报名时间' }));
      assert.match((await anon.get(`/xxgk/documents/${body.id}`)).text, /原来的正文/);
      await editor.post(`/api/v1/documents/${revision.body.id}/submit`);
      await reviewer.post(`/api/v1/documents/${revision.body.id}/approve`, {});
      const done = await reviewer.post(`/api/v1/documents/${revision.body.id}/publish`, {});
      assert.equal(done.body.id, body.id, 'the document keeps its address and 索引号');
      assert.equal(done.body.indexNo, body.indexNo);
      const page = await anon.get(`/xxgk/documents/${body.id}`);
      assert.match(page.text, /更正后的正文/);
      assert.match(page.text, /修订说明：更正报名时间/);
      assert.equal((await editor.get(`/api/v1/documents/${revision.body.id}`)).status, 404, 'the revision draft is merged away');
      const history = await editor.get(`/api/v1/documents/${body.id}/versions`);
      assert.deepEqual(history.body.items.map((v: { version: number }) => v.version), [1]);
      assert.match(history.body.items[0].bodyHtml, /原来的正文/);
      const search = await anon.get(`/api/v1/public/search?q=${encodeURIComponent('更正后')}`);
      assert.ok(search.body.items.some((d: { id: number }) => d.id === body.id));
      assert.equal((await anon.get(`/api/v1/public/search?q=${encodeURIComponent('原来的正文')}`)).body.total, 0);
    });

    it('lists non-public documents for the yearly re-assessment and can open one to the public', async () => {
      const editor = await as(t.server, 'jyj.editor');
      const reviewer = await as(t.server, 'jyj.reviewer');
      const { body } = await editor.post('/api/v1/documents', draft({ title: '某校舍维修方案（过程稿）', disclosure: 'on_request', withholdGround: 'process_info', withholdReason: '方案尚在讨论' }));
      await editor.post(`/api/v1/documents/${body.id}/submit`);
      await reviewer.post(`/api/v1/documents/${body.id}/approve`, {});
      await reviewer.post(`/api/v1/documents/${body.id}/publish`, {});
      const anon = new Client(t.server.baseUrl);
      assert.equal((await anon.get(`/api/v1/public/documents/${body.id}`)).status, 404, 'released but not public');
      const list = await reviewer.get(`/api/v1/units/${t.edu}/nonpublic-review`);
      const row = list.body.items.find((r: { id: number }) => r.id === body.id);
      assert.equal(row.reviewed, null);
      assert.equal((await editor.post(`/api/v1/documents/${body.id}/reassess`, { decision: 'open' })).status, 403, 'editors propose, reviewers decide');
      await reviewer.post(`/api/v1/documents/${body.id}/reassess`, { decision: 'keep', note: '仍在讨论' });
      const opened = await reviewer.post(`/api/v1/documents/${body.id}/reassess`, { decision: 'open', note: '方案已定，转为主动公开' });
      assert.equal(opened.body.disclosure, 'proactive');
      assert.equal((await anon.get(`/api/v1/public/documents/${body.id}`)).status, 200);
      const after = await reviewer.get(`/api/v1/units/${t.edu}/nonpublic-review`);
      assert.equal(after.body.items.some((r: { id: number }) => r.id === body.id), false);
      assert.equal((await (await as(t.server, 'fgw.editor')).get(`/api/v1/units/${t.edu}/nonpublic-review`)).status, 403);
    });

    it('marks a repealed document and points readers to the document that replaces it', async () => {
      const editor = await as(t.server, 'jyj.editor');
      const reviewer = await as(t.server, 'jyj.reviewer');
      const publish = async (extra: Record<string, unknown>) => {
        const { body } = await editor.post('/api/v1/documents', draft(extra));
        await editor.post(`/api/v1/documents/${body.id}/submit`);
        await reviewer.post(`/api/v1/documents/${body.id}/approve`, {});
        return (await reviewer.post(`/api/v1/documents/${body.id}/publish`, {})).body;
      };
      const successor = await publish({ title: '三明市义务教育招生管理办法（2026年修订）' });
      const rule = await publish({ title: '三明市教育局政府信息公开工作制度', disclosureRule: true });
      const rules = await new Client(t.server.baseUrl).get('/xxgk/rules');
      assert.match(rules.text, new RegExp(`/xxgk/documents/${rule.id}`), 'the rules sub-column lists marked documents');
      assert.doesNotMatch(rules.text, new RegExp(`/xxgk/documents/${successor.id}"`));
      const old = await publish({ title: '三明市义务教育招生管理办法（2020年）', validity: 'repealed', validityDate: '2026-03-01', replacedById: successor.id });
      const page = await new Client(t.server.baseUrl).get(`/xxgk/documents/${old.id}`);
      assert.match(page.text, /本文件废止<\/strong>（2026-03-01起）/);
      assert.match(page.text, new RegExp(`现行文件：<a href="/xxgk/documents/${successor.id}">`));
    });

    it('forbids publishing, withdrawing, revising and word-list deletion outside one\'s reach (403)', async () => {
      const editor = await as(t.server, 'jyj.editor');
      const reviewer = await as(t.server, 'jyj.reviewer');
      const outsider = await as(t.server, 'fgw.editor');
      const county = await as(t.server, 'syq.gkb');
      const { body } = await editor.post('/api/v1/documents', draft({ title: '权限测试通知' }));
      await editor.post(`/api/v1/documents/${body.id}/submit`);
      await reviewer.post(`/api/v1/documents/${body.id}/approve`, {});
      assert.equal((await editor.post(`/api/v1/documents/${body.id}/publish`, {})).status, 403, 'editors do not publish');
      assert.equal((await county.post(`/api/v1/documents/${body.id}/publish`, {})).status, 403, 'another government does not publish');
      await reviewer.post(`/api/v1/documents/${body.id}/publish`, {});
      assert.equal((await outsider.post(`/api/v1/documents/${body.id}/withdraw`, { reason: '越权撤回' })).status, 403);
      assert.equal((await outsider.post(`/api/v1/documents/${body.id}/revise`, { changeNote: '越权修订' })).status, 403);
      assert.equal((await new Client(t.server.baseUrl).get(`/api/v1/public/documents/${body.id}`)).status, 200, 'still published');
      const words = (await editor.get('/api/v1/sensitive-words')).body.items;
      assert.equal((await editor.delete(`/api/v1/sensitive-words/${words[0].id}`)).status, 403);
      assert.equal((await editor.get('/api/v1/sensitive-words')).body.items.length, words.length);
    });
  });
}
