/**
 * Fixed-window counters kept in this process's memory: enough for one server, and
 * forgotten on restart (an attacker gains one window at most). Keys are opaque strings.
 */
export class RateLimiter {
  #hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** How many milliseconds until `key` may try again, or 0 when it may now. */
  retryAfter(key: string, now: number): number {
    const entry = this.#hits.get(key);
    if (!entry || entry.resetAt <= now) return 0;
    return entry.count >= this.limit ? entry.resetAt - now : 0;
  }

  hit(key: string, now: number): void {
    const entry = this.#hits.get(key);
    if (!entry || entry.resetAt <= now) {
      this.#hits.set(key, { count: 1, resetAt: now + this.windowMs });
      if (this.#hits.size > 50_000) this.#sweep(now);
    } else {
      entry.count++;
    }
  }

  reset(key: string): void {
    this.#hits.delete(key);
  }

  #sweep(now: number) {
    for (const [key, entry] of this.#hits) if (entry.resetAt <= now) this.#hits.delete(key);
  }
}
