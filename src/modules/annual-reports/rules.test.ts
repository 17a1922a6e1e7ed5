import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyTable3, emptyTable4, TABLE3_ROWS } from './format.js';
import { checkReport, withTotals } from './rules.js';

/** A consistent Table 3: each applicant column gets new, carried, outcomes and carry-over that add up. */
function consistent(): number[][] {
  const t = emptyTable3();
  const set = (row: number, col: number, v: number) => (t[row - 1]![col] = v);
  // 自然人: 10 new + 2 carried = 9 handled (5 disclose, 2 partial, 1 not held, 1 no supplement) + 3 carried forward.
  set(1, 0, 10); set(2, 0, 2); set(3, 0, 5); set(4, 0, 2); set(13, 0, 1); set(21, 0, 1); set(25, 0, 3);
  // 商业企业: 4 new = 3 handled (2 disclose, 1 third party) + 1 carried forward.
  set(1, 1, 4); set(3, 1, 2); set(8, 1, 1); set(25, 1, 1);
  // 法律服务机构: 1 new, 1 repeat request.
  set(1, 4, 1); set(17, 4, 1);
  return withTotals('2021', t);
}

const table4 = () => [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0];

describe('annual report consistency rules', () => {
  it('accepts a consistent report, with the totals filled in', () => {
    const t = consistent();
    assert.deepEqual(t[23], [9, 3, 0, 0, 1, 0, 13], 'R24 is the sum of the outcomes');
    assert.deepEqual(t[0]!.at(-1), 15);
    assert.deepEqual(checkReport({ format: '2021', table3: t, table4: table4(), previousR25: [2, 0, 0, 0, 0, 0, 2] }), []);
    assert.deepEqual(checkReport({ format: '2021', table3: emptyTable3(), table4: emptyTable4() }), [], 'an empty report is consistent');
  });

  it('names the rule, row and column when R24 ≠ R1 + R2 − R25', () => {
    const t = consistent();
    t[24]![1] = 2; // 商业企业 carried forward 2 instead of 1
    t[24]![6] = 5;
    const v = checkReport({ format: '2021', table3: t, table4: table4() });
    assert.deepEqual(v.map((x) => [x.rule, x.row, x.column]), [['balance', 24, 2], ['balance', 24, 7]]);
    assert.match(v[0]!.message, /“商业企业”列：本年新收 4 \+ 上年结转 0 = 4，但办理结果总计 3 \+ 结转下年度 2 = 5/);
  });

  it('finds an outcome total that does not add up', () => {
    const t = consistent();
    t[2]![0] = 6; // one more 予以公开 for 自然人, total untouched
    t[2]![6] = t[2]![6]! + 1;
    const v = checkReport({ format: '2021', table3: t, table4: table4() });
    assert.deepEqual(v.map((x) => [x.rule, x.row, x.column]), [['outcome_total', 24, 1], ['outcome_total', 24, 7]]);
  });

  it('finds a 总计 that is not the sum of the six applicant columns', () => {
    const t = consistent();
    t[0]![6] = 16;
    const v = checkReport({ format: '2021', table3: t, table4: table4() });
    assert.ok(v.some((x) => x.rule === 'applicant_total' && x.row === 1 && x.column === 7));
    assert.ok(v.find((x) => x.rule === 'applicant_total')!.message.includes(TABLE3_ROWS[0]!.label));
  });

  it('compares this year\'s carried-over row with last year\'s carried-forward row', () => {
    const v = checkReport({ format: '2021', table3: consistent(), table4: table4(), previousR25: [3, 0, 0, 0, 0, 0, 3] });
    assert.deepEqual(v.map((x) => [x.rule, x.row, x.column]), [['carry_over', 2, 1], ['carry_over', 2, 7]]);
  });

  it('checks each Table 4 总计 against its four results, and refuses negative or fractional numbers', () => {
    const t4 = table4();
    t4[9] = 2;
    const v = checkReport({ format: '2021', table3: consistent(), table4: t4 });
    assert.deepEqual(v.map((x) => [x.rule, x.table, x.column]), [['table4_total', 4, 10]]);
    assert.match(v[0]!.message, /未经复议直接起诉/);
    const t = consistent();
    t[4]![2] = -1;
    assert.ok(checkReport({ format: '2021', table3: t, table4: table4() }).some((x) => x.rule === 'whole_number' && x.row === 5 && x.column === 3));
  });

  it('checks the 2019 trial layout with its single 其他处理 row', () => {
    const t = Array.from({ length: 23 }, () => [0, 0, 0, 0, 0, 0, 0]);
    t[0] = [3, 0, 0, 0, 0, 0, 3];
    t[2] = [2, 0, 0, 0, 0, 0, 2];
    t[20] = [1, 0, 0, 0, 0, 0, 1]; // 其他处理
    t[21] = [3, 0, 0, 0, 0, 0, 3]; // 总计
    assert.deepEqual(checkReport({ format: '2019', table3: withTotals('2019', t), table4: emptyTable4() }), []);
  });
});
