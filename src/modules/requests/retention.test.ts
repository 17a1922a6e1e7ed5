import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { retentionEnds } from './retention.js';

describe('retention period', () => {
  it('ends on the same calendar day the given years after archiving', () => {
    assert.equal(retentionEnds('2026-03-12', 10), '2036-03-12');
    assert.equal(retentionEnds('2026-12-31', 1), '2027-12-31');
  });
  it('moves 29 February to 28 February in a common year', () => {
    assert.equal(retentionEnds('2028-02-29', 1), '2029-02-28');
    assert.equal(retentionEnds('2028-02-29', 4), '2032-02-29');
  });
});
