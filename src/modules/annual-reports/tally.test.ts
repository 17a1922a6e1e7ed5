import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseFact } from '../requests/statistics.js';
import { checkReport } from './rules.js';
import { cellKey, tallyNormative, tallyTable3, tallyTable4 } from './tally.js';
import { emptyTable4 } from './format.js';

const fact = (id: number, receiptDate: string, replyDate: string | null, outcomeRow: number | null, applicantType: CaseFact['applicantType'] = 'natural_person'): CaseFact =>
  ({ id, unitId: 1, applicantType, receiptDate, replyDate, outcomeRow, outcome: null, due: null });

describe('computing the tables from the records', () => {
  const cases = [
    fact(1, '2025-03-02', '2025-03-20', 3),
    fact(2, '2025-12-20', '2026-01-10', 4, 'business'), // received in December, answered in January
    fact(3, '2026-02-01', '2026-02-20', 17, 'legal_service'),
    fact(4, '2026-11-30', null, null),
    fact(5, '2027-01-05', null, null), // next year: not in 2026
  ];

  it('counts a December request as carried over in the first year and as a result in the second', () => {
    const y2025 = tallyTable3(cases, 2025).table;
    assert.deepEqual(y2025[0], [1, 1, 0, 0, 0, 0, 2], 'R1: two new in 2025');
    assert.deepEqual(y2025[24], [0, 1, 0, 0, 0, 0, 1], 'R25: the December request is carried forward');
    assert.deepEqual(y2025[23], [1, 0, 0, 0, 0, 0, 1]);
    const y2026 = tallyTable3(cases, 2026);
    assert.deepEqual(y2026.table[1], [0, 1, 0, 0, 0, 0, 1], 'R2: carried over from 2025');
    assert.deepEqual(y2026.table[3], [0, 1, 0, 0, 0, 0, 1], 'R4: its outcome (部分公开) counts in 2026');
    assert.deepEqual(y2026.table[0], [1, 0, 0, 0, 1, 0, 2]);
    assert.deepEqual(y2026.table[24], [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(y2026.sources[cellKey(3, 2, 2)], [2], 'the carried-over cell opens to the case');
    assert.deepEqual(y2026.sources[cellKey(3, 24, 7)]?.sort(), [2, 3]);
    // Both years pass every rule, and 2026's R2 is 2025's R25.
    assert.deepEqual(checkReport({ format: '2021', table3: y2025, table4: emptyTable4() }), []);
    assert.deepEqual(checkReport({ format: '2021', table3: y2026.table, table4: emptyTable4(), previousR25: y2025[24] }), []);
  });

  it('counts appeals by kind and by their result at year end', () => {
    const { table, sources } = tallyTable4([
      { id: 1, requestId: 10, unitId: 1, kind: 'reconsideration', filedDate: '2026-03-01', result: 'upheld', resultDate: '2026-05-01' },
      { id: 2, requestId: 11, unitId: 1, kind: 'lawsuit_direct', filedDate: '2026-10-01', result: 'corrected', resultDate: '2027-02-01' },
      { id: 3, requestId: 12, unitId: 1, kind: 'lawsuit_after_reconsideration', filedDate: '2025-10-01', result: 'other', resultDate: '2026-02-01' },
    ], 2026);
    assert.deepEqual(table, [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
    assert.deepEqual(sources[cellKey(4, 1, 9)], [11], 'decided only after the year: still pending at year end');
  });

  it('counts rules and normative documents issued, repealed and in force', () => {
    const { figures } = tallyNormative([
      { id: 1, normative_kind: 'normative', written_date: '2024-05-01', validity: 'valid', validity_date: null },
      { id: 2, normative_kind: 'normative', written_date: '2026-02-01', validity: 'valid', validity_date: null },
      { id: 3, normative_kind: 'normative', written_date: '2023-02-01', validity: 'repealed', validity_date: '2026-06-30' },
      { id: 4, normative_kind: 'normative', written_date: '2022-02-01', validity: 'expired', validity_date: '2025-12-31' },
      { id: 5, normative_kind: 'rule', written_date: '2026-09-01', validity: 'valid', validity_date: null },
    ], 2026);
    assert.deepEqual(figures, { rule: { issued: 1, repealed: 0, valid: 1 }, normative: { issued: 1, repealed: 1, valid: 2 } });
  });
});
