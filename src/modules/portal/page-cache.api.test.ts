import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { as, Client, useDemoServer } from '../../../test/helpers.js';

describe('public pages: validators, compression and the render cache', () => {
  const t = useDemoServer(undefined);

  it('answers a repeat visit with 304, serves brotli and gzip, and shows a change at once', async () => {
    const editor = await as(t.server, 'jyj.editor');
    const reviewer = await as(t.server, 'jyj.reviewer');
    const doc = (await editor.post('/api/v1/documents', { unitId: t.edu, title: '2026年秋季学期开学安排的通知', writtenDate: '2026-08-20', topic: '科技、教育', genre: '通知', disclosure: 'proactive', bodyText: '秋季学期于9月1日开学。' })).body;
    await editor.post(`/api/v1/documents/${doc.id}/submit`);
    await reviewer.post(`/api/v1/documents/${doc.id}/approve`, {});
    const published = await reviewer.post(`/api/v1/documents/${doc.id}/publish`, {});
    assert.equal(published.status, 200, published.text);
    const url = `${t.server.baseUrl}/xxgk/documents/${doc.id}`;

    const first = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    const etag = first.headers.get('etag')!;
    assert.match(etag, /^"[\w-]{22}"$/);
    assert.equal(first.headers.get('cache-control'), 'public, no-cache');
    const html = await first.text();
    assert.match(html, /秋季学期于9月1日开学/);
    const again = await fetch(url, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    const hit = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(await hit.text(), html);
    assert.equal(hit.headers.get('set-cookie'), null, 'a cached page is the same for everyone: no per-visitor cookie');
    assert.equal((await again.arrayBuffer()).byteLength, 0);

    const raw = (enc: string) => new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      import('node:http').then(({ get }) => get(url, { headers: { 'accept-encoding': enc } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      }).on('error', reject));
    });
    const br = await raw('gzip, br');
    assert.equal(br.encoding, 'br');
    assert.equal(brotliDecompressSync(br.body).toString(), html);
    const gz = await raw('gzip');
    assert.equal(gz.encoding, 'gzip');
    assert.equal(gunzipSync(gz.body).toString(), html);
    assert.ok(br.body.length < html.length / 2, 'compressed');

    // The elder-mode variant is a different page.
    const elder = await fetch(url, { headers: { cookie: 'gk_elder=1' } });
    assert.notEqual(elder.headers.get('etag'), etag);
    assert.match(await elder.text(), /class="elder"/);

    // Withdrawing changes the page for the very next visitor.
    await reviewer.post(`/api/v1/documents/${doc.id}/withdraw`, { reason: '内容需要更正' });
    const after = await fetch(url, { headers: { 'if-none-match': etag } });
    assert.equal(after.status, 404, 'not the cached page, not 304');
    assert.equal((await new Client(t.server.baseUrl).get(`/xxgk/documents/${doc.id}`)).status, 404);
  });
});
