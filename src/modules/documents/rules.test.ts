import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canTransition, disclosureProblem, formatIndexNo, normaliseDocNo, reviewStep, unitCodeFor } from './rules.js';

describe('document rules', () => {
  it('formats 索引号 from the configured pattern', () => {
    assert.equal(formatIndexNo('{unitCode}/{yyyy}-{seq:05}', { unitCode: '11350400003562345A', year: 2026, month: 3, seq: 12 }), '11350400003562345A/2026-00012');
    assert.equal(formatIndexNo('{unitCode}-{yyyy}{mm}-{seq}', { unitCode: '350404', year: 2026, month: 3, seq: 7 }), '350404-202603-7');
    assert.equal(unitCodeFor({ id: 5, credit_code: null, division_code: null }), 'GK000005');
    assert.equal(unitCodeFor({ id: 5, credit_code: null, division_code: '350404' }), '350404');
  });
  it('normalises 文号 brackets so that any spelling finds the document', () => {
    assert.equal(normaliseDocNo('明政办〔2020〕47号'), normaliseDocNo('明政办[2020]47号'));
    assert.equal(normaliseDocNo('明政办（2020）47 号'), normaliseDocNo('明政办〔2020〕47号'));
  });
  it('requires a fitting legal ground and a reason unless the document is proactive', () => {
    assert.equal(disclosureProblem('proactive', null, null), null);
    assert.match(disclosureProblem('withheld', null, null)!, /法定理由/);
    assert.match(disclosureProblem('withheld', 'specific_parties', '仅涉及个别对象')!, /不适用/);
    assert.match(disclosureProblem('on_request', 'specific_parties', '短')!, /具体理由/);
    assert.equal(disclosureProblem('on_request', 'specific_parties', '仅涉及个别学校的事项'), null);
  });
  it('moves only along the workflow', () => {
    assert.equal(canTransition('draft', 'submit'), true);
    assert.equal(canTransition('draft', 'publish'), false);
    assert.equal(canTransition('submitted', 'edit'), false);
    assert.equal(canTransition('published', 'withdraw'), true);
    assert.equal(canTransition('withdrawn', 'publish'), false);
  });
  it('counts review steps by distinct reviewers other than the author', () => {
    assert.match(reviewStep({ authorId: 1, reviewerId: 1, earlierReviewers: [], requiredSteps: 1 }).problem!, /起草人/);
    assert.deepEqual(reviewStep({ authorId: 1, reviewerId: 2, earlierReviewers: [], requiredSteps: 2 }), { problem: null, complete: false });
    assert.match(reviewStep({ authorId: 1, reviewerId: 2, earlierReviewers: [2], requiredSteps: 2 }).problem!, /重复/);
    assert.deepEqual(reviewStep({ authorId: 1, reviewerId: 3, earlierReviewers: [2], requiredSteps: 2 }), { problem: null, complete: true });
  });
});
