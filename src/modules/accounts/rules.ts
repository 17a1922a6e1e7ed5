/** Login security rules (等保 2.0 level 3 basics), as plain functions. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,31}$/;

export interface LoginState {
  failedLogins: number;
  lockedUntil: string | null;
}

export const isLocked = (state: LoginState, now: Date) => !!state.lockedUntil && Date.parse(state.lockedUntil) > now.getTime();

/** The state after a wrong password: count it, and lock once the limit is reached. */
export function afterFailedLogin(state: LoginState, now: Date): LoginState & { justLocked: boolean; remaining: number } {
  // An expired lock starts a fresh count.
  const failed = (state.lockedUntil && !isLocked(state, now) ? 0 : state.failedLogins) + 1;
  if (failed >= MAX_FAILED_LOGINS) {
    return { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString(), justLocked: true, remaining: 0 };
  }
  return { failedLogins: failed, lockedUntil: null, justLocked: false, remaining: MAX_FAILED_LOGINS - failed };
}

/** "HH:mm" in China Standard Time, for messages to people. */
export function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16);
}
