import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OUTCOMES, REMEDIES } from './outcomes.js';
import { DEFAULT_PROVISION, TEMPLATE_KEYS, wordingFrom } from './templates.js';

describe('reply wording', () => {
  it('uses the built-in texts when no government has its own', () => {
    const w = wordingFrom([new Map(), new Map()]);
    assert.equal(w.remedies, REMEDIES);
    assert.equal(w.provision, DEFAULT_PROVISION);
    assert.deepEqual(w.outcome('partial'), OUTCOMES.find((o) => o.code === 'partial'));
  });

  it('prefers the nearest government, then the one above, per text', () => {
    const county = new Map([['remedies', '县级救济文字']]);
    const city = new Map([['remedies', '市级救济文字'], ['decision.disclose', '市级公开决定']]);
    const w = wordingFrom([county, city]);
    assert.equal(w.remedies, '县级救济文字');
    assert.equal(w.outcome('disclose').decision, '市级公开决定');
    assert.equal(w.outcome('disclose').article, OUTCOMES[0]!.article);
    assert.equal(w.outcome('disclose').row, 3);
  });

  it('offers a decision and an article for every outcome row', () => {
    for (const o of OUTCOMES) {
      assert.ok(TEMPLATE_KEYS.some((k) => k.key === `decision.${o.code}`));
      assert.ok(TEMPLATE_KEYS.some((k) => k.key === `article.${o.code}`));
    }
    assert.throws(() => wordingFrom([]).outcome('nonsense'));
  });
});
