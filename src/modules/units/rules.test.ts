import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { childPath, childProblem, creditCodeProblem, divisionCodeProblem, governmentPathOf, pathIds } from './rules.js';

describe('unit tree rules', () => {
  const city = { kind: 'government', level: 'city' } as const;
  const county = { kind: 'government', level: 'county' } as const;
  it('puts departments at their government level and governments one level down', () => {
    assert.equal(childProblem(city, { kind: 'department', level: 'city' }), null);
    assert.equal(childProblem(city, county), null);
    assert.equal(childProblem(county, { kind: 'government', level: 'township' }), null);
    assert.equal(childProblem({ kind: 'government', level: 'township' }, { kind: 'government', level: 'village' }), null);
  });
  it('refuses everything else with a reason', () => {
    assert.match(childProblem(city, { kind: 'government', level: 'township' })!, /县级/);
    assert.match(childProblem(city, { kind: 'department', level: 'county' })!, /部门的层级/);
    assert.match(childProblem({ kind: 'department', level: 'city' }, county)!, /部门下/);
    assert.match(childProblem({ kind: 'government', level: 'village' }, { kind: 'government', level: 'village' })!, /村/);
    assert.match(childProblem(null, { kind: 'department', level: 'city' })!, /顶级/);
  });
  it('checks division code lengths by level', () => {
    assert.equal(divisionCodeProblem(county, '350404'), null);
    assert.equal(divisionCodeProblem({ kind: 'government', level: 'township' }, '350404001'), null);
    assert.match(divisionCodeProblem({ kind: 'government', level: 'township' }, '350404')!, /9 位/);
    assert.match(divisionCodeProblem({ kind: 'department', level: 'city' }, '350400')!, /部门/);
    assert.equal(divisionCodeProblem(county, null), null);
  });
  it('checks the 统一社会信用代码 check character (GB 32100)', () => {
    assert.equal(creditCodeProblem('91350100M000100Y43'), null);
    assert.match(creditCodeProblem('91350100M000100Y44')!, /校验位/);
    assert.match(creditCodeProblem('123')!, /18 位/);
  });
  it('builds and reads materialised paths', () => {
    assert.equal(childPath(null, 1), '/1/');
    assert.equal(childPath('/1/35/', 37), '/1/35/37/');
    assert.deepEqual(pathIds('/1/35/37/'), [1, 35, 37]);
    assert.equal(governmentPathOf({ kind: 'department', path: '/1/35/36/' }), '/1/35/');
    assert.equal(governmentPathOf({ kind: 'government', path: '/1/35/' }), '/1/35/');
  });
});
