import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { perRequestFee, perVolumeFee } from './fees.js';

describe('information processing fee', () => {
  it('charges per request beyond ten a month, rising every ten from the 31st', () => {
    assert.deepEqual([1, 10, 11, 30, 31, 40, 41, 50, 51].map(perRequestFee), [0, 0, 100, 100, 200, 200, 300, 300, 400]);
    assert.equal(perRequestFee(35), 200, 'the worked example: 35th request of the month');
  });
  it('charges per page progressively beyond thirty', () => {
    assert.equal(perVolumeFee(30), 0);
    assert.equal(perVolumeFee(60), 300, 'the worked example: 60 paper pages');
    assert.equal(perVolumeFee(100), 700);
    assert.equal(perVolumeFee(150), 700 + 50 * 20);
    assert.equal(perVolumeFee(250), 700 + 100 * 20 + 50 * 40);
  });
});
