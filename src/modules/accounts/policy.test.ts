import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assignableRoles, can, scopeOf, type Actor, type Role } from './policy.js';

// City government /1/, its education bureau /1/4/, a county /1/35/ with a department /1/35/36/ and a township /1/35/37/.
const actor = (roles: Role[], unitPath: string, governmentPath: string): Actor => ({
  userId: 1, username: 'u', displayName: 'U', unitId: 0, unitPath, governmentPath, roles,
});
const CITY = '/1/', EDU = '/1/4/', DEVREFORM = '/1/2/', COUNTY = '/1/35/', COUNTY_OFFICE = '/1/35/36/', TOWN = '/1/35/37/';

describe('policy', () => {
  it('lets a system administrator do everything', () => {
    const a = actor(['sysadmin'], CITY, CITY);
    for (const p of [CITY, EDU, TOWN]) assert.ok(can(a, 'user.manage', p) && can(a, 'unit.delete', p) && can(a, 'audit.read', p));
  });

  it('lets a disclosure office supervise its government and everything below, nothing beside', () => {
    const county = actor(['disclosure_office'], COUNTY_OFFICE, COUNTY);
    assert.ok(can(county, 'user.manage', COUNTY_OFFICE));
    assert.ok(can(county, 'unit.create', TOWN));
    assert.ok(can(county, 'audit.read', COUNTY));
    assert.equal(can(county, 'user.read', EDU), false);
    assert.equal(can(county, 'unit.update', CITY), false);
  });

  it('keeps a unit administrator inside their own unit', () => {
    const a = actor(['unit_admin'], EDU, CITY);
    assert.ok(can(a, 'user.manage', EDU));
    assert.ok(can(a, 'unit.update', EDU));
    assert.equal(can(a, 'user.read', DEVREFORM), false);
    assert.equal(can(a, 'unit.create', EDU), false);
  });

  it('gives editors, reviewers and request handlers no user access at all', () => {
    for (const role of ['editor', 'reviewer', 'request_handler'] as Role[]) {
      const a = actor([role], EDU, CITY);
      assert.equal(can(a, 'user.read', EDU), false);
      assert.equal(can(a, 'user.read', DEVREFORM), false);
      assert.equal(can(a, 'user.manage', EDU), false);
      assert.deepEqual(scopeOf(a, 'audit.read'), []);
    }
  });

  it('lets a leader read, never change, their subtree', () => {
    const a = actor(['leader'], COUNTY, COUNTY);
    assert.ok(can(a, 'user.read', TOWN));
    assert.ok(can(a, 'audit.read', COUNTY_OFFICE));
    assert.equal(can(a, 'user.manage', TOWN), false);
    assert.equal(can(a, 'unit.update', COUNTY), false);
    assert.equal(can(a, 'user.read', EDU), false);
  });

  it('combines roles and refuses an absent actor', () => {
    const a = actor(['editor', 'unit_admin'], EDU, CITY);
    assert.ok(can(a, 'user.manage', EDU));
    assert.equal(can(null, 'unit.read', EDU), false);
  });

  it('never lets anyone grant more than they hold', () => {
    assert.ok(assignableRoles(actor(['sysadmin'], CITY, CITY)).includes('sysadmin'));
    assert.equal(assignableRoles(actor(['disclosure_office'], COUNTY, COUNTY)).includes('sysadmin'), false);
    const unitAdmin = assignableRoles(actor(['unit_admin'], EDU, CITY));
    assert.equal(unitAdmin.includes('disclosure_office'), false);
    assert.ok(unitAdmin.includes('editor'));
    assert.deepEqual(assignableRoles(actor(['editor'], EDU, CITY)), []);
  });
});
