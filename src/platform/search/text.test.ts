import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bigramTokens, charTokens, indexText, fts5Match, trigramKeys, highlight, indexable, necessaryPhrases, queryTerms, searchKey, searchKeyFloor, searchPlan, snippet } from './text.js';

// The definition the fast tokenizer must equal: regular expressions over Unicode classes.
const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
function referenceTokens(text: string): string[] {
  const out: string[] = [];
  for (const [run] of text.matchAll(new RegExp(`[${CJK}]+|[[\\p{L}\\p{N}]--[${CJK}]]+`, 'gv'))) {
    if (new RegExp(`^[${CJK}]+$`).test(run)) {
      if (run.length === 1) out.push(run);
      else for (let i = 0; i < run.length - 1; i++) out.push(run.slice(i, i + 2));
    } else out.push(run.toLowerCase());
  }
  return out;
}

describe('search text', () => {
  it('tokenizes exactly as the Unicode definition says, including rare scripts and surrogate pairs', () => {
    const samples = ['三明市政务公开', '2026年 GDP增长6.5%', 'Ａｂｃ１２３全角', 'Émile Zola 和 naïve', '𠀀𠀁 古字 㐀', '——', '', 'x', '明政办〔2020〕47号', 'α-β γ', '豈更車'];
    let seed = 3;
    const pool = '政务公开 三明 Ab9 ，。、（）〔〕 é 𠀀 ２ - _ \n';
    for (let n = 0; n < 300; n++) {
      let t = '';
      for (let k = 0; k < 30; k++) t += [...pool][(seed = (seed * 1103515245 + 12345) % 2147483648) % [...pool].length];
      samples.push(t);
    }
    for (const text of samples) assert.deepEqual(bigramTokens(text), referenceTokens(text), JSON.stringify(text));
    assert.equal(indexText('政务公开 GDP'), '政务 务公 公开 gdp');
  });


  it('makes CJK bigrams and keeps Latin words and numbers whole', () => {
    assert.deepEqual(bigramTokens('三明市政务公开'), ['三明', '明市', '市政', '政务', '务公', '公开']);
    assert.deepEqual(bigramTokens('2026年 GDP增长'), ['2026', '年', 'gdp', '增长']);
    assert.deepEqual(bigramTokens('三明（Sanming）'), ['三明', 'sanming']);
  });
  it('keys the three-character windows of consecutive bigrams, so that a phrase\'s keys are among those of every text containing it', () => {
    const keys = (text: string) => [...trigramKeys(indexText(text))];
    assert.equal(keys('十五条第').length, 2);
    assert.equal(keys('十五条').length, 1);
    assert.deepEqual(keys('十五'), [], 'one bigram has no window');
    assert.deepEqual(keys('十五 条第'), [], 'bigrams that do not overlap');
    assert.deepEqual(keys('十五 五条'), keys('十五条'), 'windows follow the tokens, as a phrase query on them does');
    assert.deepEqual(keys('十五条十五条'), [...new Set(keys('十五条十五条'))], 'distinct');
    assert.equal(keys('十五条十五条').length, 3, '十五条 五条十 条十五');
    assert.deepEqual([...trigramKeys('十五 zzbreak 五条')], [], 'the sentinel between two texts breaks windows');
    assert.deepEqual(keys('abc 2026'), []);
    assert.ok(keys('十五条').every((k) => Number.isInteger(k) && k >= -(2 ** 31) && k < 2 ** 31), 'PostgreSQL int4');
    const text = '违反本条例第十五条第一款规定的，依照第五条第二款处罚。';
    for (const phrase of ['十五条第', '条例第十五条', '五条第二款', '违反本条']) {
      const all = new Set(keys(text));
      assert.ok(keys(phrase).every((k) => all.has(k)), phrase);
    }
    assert.notDeepEqual(keys('条第十'), [], 'a phrase the text lacks has a key the text lacks');
    assert.ok(!keys('条第十').every((k) => new Set(keys(text)).has(k)));
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
