import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bigramTokens, charTokens, fts5Match, highlight, indexable, necessaryPhrases, queryTerms, searchKey, searchKeyFloor, searchPlan, snippet } from './text.js';

describe('search text', () => {
  it('makes CJK bigrams and keeps Latin words and numbers whole', () => {
    assert.deepEqual(bigramTokens('三明市政务公开'), ['三明', '明市', '市政', '政务', '务公', '公开']);
    assert.deepEqual(bigramTokens('2026年 GDP增长'), ['2026', '年', 'gdp', '增长']);
    assert.deepEqual(bigramTokens('三明（Sanming）'), ['三明', 'sanming']);
  });
  it('builds an FTS5 query of phrases, all required', () => {
    assert.equal(fts5Match(searchPlan(['政务公开', '三明', 'GDP'])), '"政务 务公 公开" AND "三明" AND "gdp"*');
    assert.equal(fts5Match(searchPlan(['林'])), null, 'one character goes to the character index');
    assert.deepEqual(queryTerms('  政务  公开 '), ['政务', '公开']);
    assert.equal(indexable('公开'), true);
    assert.equal(indexable('公'), false);
    assert.equal(indexable('2026年'), false);
  });
  it('highlights and escapes', () => {
    assert.equal(highlight('<b>政务公开</b>', ['公开']), '&lt;b&gt;政务<mark>公开</mark>&lt;/b&gt;');
    assert.match(snippet('前'.repeat(100) + '政务公开' + '后'.repeat(100), ['公开'], 40), /^…前+政务<mark>公开<\/mark>后+…$/);
  });

  it('finds the parts of an unindexable term that every matching text must contain', () => {
    assert.deepEqual(necessaryPhrases('明政〔2015〕23号'), ['明政', '2015', '23']);
    assert.deepEqual(necessaryPhrases('2026年第一季度'), ['年第 第一 一季 季度'], 'a number at the edge may be part of a longer number');
    assert.deepEqual(necessaryPhrases('GDP同比'), ['同比']);
    assert.deepEqual(necessaryPhrases('林'), [], 'one character: nothing certain');
    assert.deepEqual(necessaryPhrases('6.5%'), ['5']);
  });

  it('plans each kind of term', () => {
    assert.deepEqual(searchPlan(['林', '政务公开', '2026', '明政〔2015〕23号', '——']), {
      phrases: ['政务 务公 公开', '明政', '2015', '23'], prefixes: ['2026'], chars: ['林', '明', '政', '号'], verify: ['明政〔2015〕23号'], empty: false,
    });
    assert.equal(searchPlan(['——', '%']).empty, true, 'punctuation alone searches nothing');
    assert.equal(charTokens('政务公开', '公开政府'), '政 务 公 开 府');
  });

  it('orders index keys by publication minute, then id', () => {
    const a = searchKey('2026-01-01T08:00:00.000Z', 900);
    const b = searchKey('2026-01-01T08:00:30.000Z', 1000);
    const c = searchKey('2026-01-01T08:01:00.000Z', 5);
    assert.ok(a < b && b < c);
    assert.equal(c % 2 ** 24, 5, 'the id can be read back from the key');
    assert.ok(searchKeyFloor('2026-01-01') <= searchKey('2026-01-01T00:00:00.000Z', 1));
    assert.ok(searchKeyFloor('2026-01-01') > searchKey('2025-12-31T23:59:59.000Z', 99));
  });
});
