import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LruCache, pickEncoding, throttledVersion } from './page-cache.js';

describe('page cache parts', () => {
  it('keeps the most recently used entries', () => {
    const c = new LruCache<number>(2);
    c.set('a', 1);
    c.set('b', 2);
    c.get('a');
    c.set('c', 3);
    assert.equal(c.get('b'), undefined);
    assert.equal(c.get('a'), 1);
    assert.equal(c.size, 2);
  });

  it('picks brotli, then gzip, honouring q=0', () => {
    assert.equal(pickEncoding('gzip, deflate, br'), 'br');
    assert.equal(pickEncoding('gzip, br;q=0'), 'gzip');
    assert.equal(pickEncoding('br;q=0.5, gzip;q=1'), 'br');
    assert.equal(pickEncoding('identity'), null);
    assert.equal(pickEncoding(undefined), null);
  });

  it('reads the version at most once per interval, unless reset', async () => {
    let reads = 0;
    const v = throttledVersion(async () => String(++reads), 10_000);
    assert.equal(await v(), '1');
    assert.equal(await v(), '1');
    v.reset();
    assert.equal(await v(), '2');
  });
});
