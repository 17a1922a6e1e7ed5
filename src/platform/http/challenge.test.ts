import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { challengeProblem, createChallenge } from './challenge.js';

describe('human check', () => {
  const secret = 'x'.repeat(40);
  it('accepts the right sum in time, and says why otherwise', () => {
    const t0 = 1_800_000_000_000;
    const { token, question } = createChallenge(secret, t0);
    const [, a, b] = token.split('.');
    const sum = String(Number(a) + Number(b));
    assert.match(question, /加.+等于几/);
    assert.equal(challengeProblem(secret, token, sum, t0 + 10_000), null);
    assert.match(challengeProblem(secret, token, String(Number(sum) + 1), t0 + 10_000)!, /答案不正确/);
    assert.match(challengeProblem(secret, token, sum, t0 + 1_000)!, /过快/);
    assert.match(challengeProblem(secret, token, sum, t0 + 3 * 3600_000)!, /时间过长/);
    const [ts, , bb, mac] = token.split('.');
    const tampered = [ts, String((Number(a) % 9) + 1), bb, mac].join('.');
    assert.match(challengeProblem(secret, tampered, sum, t0 + 10_000)!, /无效/);
    assert.match(challengeProblem('y'.repeat(40), token, sum, t0 + 10_000)!, /无效/);
  });
});
