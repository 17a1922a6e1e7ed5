import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePastedNumbers, parsePastedRows } from './paste.js';

describe('pasted tables', () => {
  it('takes the last seven numbers of each line that has them, ignoring labels with digits', () => {
    const text = '申请人情况\n一、本年新收政府信息公开申请数量\t10\t4\t0\t0\t1\t0\t15\n1.属于国家秘密 0 0 0 0 0 0 0\n（三）不予公开\n4.保护第三方合法权益,0,1,0,0,0,0,1';
    assert.deepEqual(parsePastedRows(text, 7), [[10, 4, 0, 0, 1, 0, 15], [0, 0, 0, 0, 0, 0, 0], [0, 1, 0, 0, 0, 0, 1]]);
  });
  it('reads thousands separators as one number', () => {
    assert.deepEqual(parsePastedRows('本年新收 14,069 0 0 0 0 0 14,069', 7), [[14069, 0, 0, 0, 0, 0, 14069]]);
    assert.deepEqual(parsePastedRows('10,100,0,0,0,0,110', 7), [[10, 100, 0, 0, 0, 0, 110]], 'comma-separated cells stay apart');
  });
  it('reads a row of fifteen and refuses too few numbers', () => {
    assert.deepEqual(parsePastedNumbers('1 0 0 1 2 0 1 0 0 1 0 0 0 0 0', 15), [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]);
    assert.equal(parsePastedNumbers('1 2 3', 15), null);
  });
});
