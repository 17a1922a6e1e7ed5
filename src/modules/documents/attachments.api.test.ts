import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeDocx, makePdf } from '../../../test/files.js';
import { as, Client, startServer, testDatabases, unitId, type TestServer } from '../../../test/helpers.js';

for (const database of testDatabases()) {
  describe(`document attachments (${database.name})`, () => {
    let server: TestServer;
    let edu: number;
    let pdf: Buffer;
    before(async () => {
      server = await startServer({ url: database.url });
      edu = await unitId(server, '三明市教育局');
      pdf = await makePdf(['关于学生资助资金的说明', '本附件载明助学金发放标准。']);
    });
    after(() => server.close());

    const upload = (c: Client, documentId: number, name: string, data: Buffer, type = 'application/octet-stream') => c.upload(`/api/v1/documents/${documentId}/attachments`, name, data, type);

    it('accepts PDF and Word attachments by content, makes their text searchable, and serves them once public', async () => {
      const editor = await as(server, 'jyj.editor');
      const reviewer = await as(server, 'jyj.reviewer');
      const doc = (await editor.post('/api/v1/documents', {
        unitId: edu, title: '2026年学生资助工作通知', writtenDate: '2026-03-01', topic: '科技、教育', genre: '通知', summary: '学生资助', art20Item: 11, disclosure: 'proactive', bodyText: '详见附件。',
      })).body;
      const first = await upload(editor, doc.id, '资助说明.pdf', pdf, 'application/pdf');
      assert.equal(first.status, 200, JSON.stringify(first.body));
      const second = await upload(editor, doc.id, '发放名单说明.docx', await makeDocx(['附表：奖学金评审办法。']));
      assert.equal(second.status, 200, JSON.stringify(second.body));
      assert.deepEqual(second.body.items.map((a: { fileName: string; kind: string }) => [a.fileName, a.kind]), [['资助说明.pdf', 'pdf'], ['发放名单说明.docx', 'docx']]);

      const anon = new Client(server.baseUrl);
      const url = first.body.items[0].url;
      assert.equal((await fetch(server.baseUrl + url)).status, 404, 'not public before publication');
      await editor.post(`/api/v1/documents/${doc.id}/submit`);
      await reviewer.post(`/api/v1/documents/${doc.id}/approve`, {});
      await reviewer.post(`/api/v1/documents/${doc.id}/publish`, {});
      const file = await fetch(server.baseUrl + url);
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), 'application/pdf');
      assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
      assert.deepEqual(Buffer.from(await file.arrayBuffer()), pdf);
      for (const word of ['助学金', '奖学金']) {
        const hits = await anon.get(`/api/v1/public/search?q=${encodeURIComponent(word)}`);
        assert.deepEqual(hits.body.items.map((d: { id: number }) => d.id), [doc.id], word);
      }
      assert.match((await anon.get(`/xxgk/documents/${doc.id}`)).text, /资助说明\.pdf/);
    });

    it('refuses files whose content does not match, empty files and other units (415/400/403)', async () => {
      const editor = await as(server, 'jyj.editor');
      const doc = (await editor.post('/api/v1/documents', { unitId: edu, title: '附件校验测试', writtenDate: '2026-03-01', disclosure: 'proactive', bodyText: '正文' })).body;
      const fake = await upload(editor, doc.id, '通知.pdf', Buffer.from('<script>alert(1)</script>'));
      assert.equal(fake.status, 415);
      assert.equal(fake.body.code, 'unsupported_file_type');
      const renamed = await upload(editor, doc.id, '资料.docx', pdf);
      assert.equal(renamed.status, 415, 'a PDF named .docx is refused');
      const exe = await upload(editor, doc.id, 'setup.exe', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]));
      assert.equal(exe.status, 415);
      assert.equal((await upload(editor, doc.id, '空.pdf', Buffer.alloc(0))).status, 400);
      const other = await as(server, 'fgw.editor');
      assert.equal((await upload(other, doc.id, 'a.pdf', pdf)).status, 403);
      const ok = await upload(editor, doc.id, 'a.pdf', pdf);
      assert.equal((await other.delete(`/api/v1/attachments/${ok.body.items[0].id}`)).status, 403);
      assert.equal((await editor.delete(`/api/v1/attachments/${ok.body.items[0].id}`)).body.items.length, 0);
    });
  });
}
