import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { afterFailedLogin, beijingTime, isLocked, LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from './rules.js';

describe('login lockout', () => {
  const now = new Date('2026-11-26T02:00:00Z');
  it('counts failures and locks for 15 minutes at the fifth', () => {
    let state = { failedLogins: 0, lockedUntil: null as string | null };
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      const next = afterFailedLogin(state, now);
      assert.equal(next.justLocked, false);
      assert.equal(next.remaining, MAX_FAILED_LOGINS - i);
      state = next;
    }
    const locked = afterFailedLogin(state, now);
    assert.equal(locked.justLocked, true);
    assert.equal(Date.parse(locked.lockedUntil!) - now.getTime(), LOCKOUT_MINUTES * 60_000);
    assert.equal(isLocked(locked, now), true);
    assert.equal(isLocked(locked, new Date(now.getTime() + LOCKOUT_MINUTES * 60_000 + 1)), false);
  });
  it('starts a fresh count after a lock has expired', () => {
    const expired = { failedLogins: 0, lockedUntil: new Date(now.getTime() - 1000).toISOString() };
    assert.equal(afterFailedLogin(expired, now).failedLogins, 1);
  });
  it('shows lock times in Beijing time', () => {
    assert.equal(beijingTime('2026-11-26T02:15:00.000Z'), '10:15');
  });
});
