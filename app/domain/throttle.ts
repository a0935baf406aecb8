// The login throttling rule (ADR 0013, ASVS V6.3): limits per (account, address) and per
// address refuse; failures on an account from many addresses only slow down the addresses that
// themselves failed, so nobody can lock an organiser out. Pure: counters and `now` come in.

export type ThrottleCounter = { hits: number; windowEndsAt: number; lastHitAt: number };

const MINUTE = 60_000;

export const LOGIN_THROTTLE = {
  windowMs: 15 * MINUTE,
  /** Failed attempts on one account from one address before that address is refused. */
  perAccountAndAddress: 5,
  /** Failed attempts from one address, on any accounts, before it is refused. */
  perAddress: 30,
  /** Failed attempts on one account, from anywhere, from which its failed addresses are slowed. */
  slowAccountFrom: 10,
  /** The first slow-down, doubled at each further failure on the account. */
  firstSlowDownMs: 15_000,
  /** The longest slow-down between two attempts of a failed address. */
  maxSlowDownMs: 5 * MINUTE,
} as const;

/** How long until a counter at or over `limit` lets its caller in again (0 when under it). */
export function windowWaitMs(counter: ThrottleCounter | undefined, limit: number, now: number): number {
  return counter && counter.hits >= limit ? Math.max(counter.windowEndsAt - now, 0) : 0;
}

/** Between two attempts of an address that failed on an account under attack: 15 s, 30 s, 1 min… at most 5 min. */
export function slowDownMs(accountFailures: number): number {
  const { slowAccountFrom, firstSlowDownMs, maxSlowDownMs } = LOGIN_THROTTLE;
  if (accountFailures < slowAccountFrom) return 0;
  return Math.min(firstSlowDownMs * 2 ** Math.min(accountFailures - slowAccountFrom, 10), maxSlowDownMs);
}

/**
 * How long this attempt must wait (0: it may try the password). `pair` counts the failures of
 * this account from this address, `address` those of this address, `account` those of this
 * account from anywhere; each is undefined when it has none in the current window.
 */
export function loginWaitMs(
  counters: { pair?: ThrottleCounter; address?: ThrottleCounter; account?: ThrottleCounter },
  now: number,
): number {
  const { pair, address, account } = counters;
  // An address that has not failed on this account is never held back by the account's counter.
  const slowed = pair && account ? Math.max(pair.lastHitAt + slowDownMs(account.hits) - now, 0) : 0;
  return Math.max(windowWaitMs(pair, LOGIN_THROTTLE.perAccountAndAddress, now), windowWaitMs(address, LOGIN_THROTTLE.perAddress, now), slowed);
}
