import type { Clock } from '../clock.js';

/** How often the expired ids are swept out: adding stays O(1) however many are remembered. */
const SWEEP_EVERY_MS = 30_000;

/**
 * Ids remembered in this process until a time of their own (used launch tokens, ended sessions, when there is
 * no Redis). Expired ids are dropped in one pass at most every 30 s rather than on every add, which at a
 * hundred sign-ins a second would walk tens of thousands of entries each time.
 */
export class ExpiringIds {
  private readonly until = new Map<string, number>();
  private nextSweepAt = 0;

  constructor(private readonly clock: Clock) {}

  /** Remembers `id` until `untilMs`; false, and nothing changes, when it is remembered already. */
  add(id: string, untilMs: number): boolean {
    const now = this.clock.now();
    this.sweep(now);
    if (this.has(id)) return false;
    this.until.set(id, untilMs);
    return true;
  }

  has(id: string): boolean {
    const until = this.until.get(id);
    return until !== undefined && until > this.clock.now();
  }

  /** How many ids are held, expired ones not yet swept included. */
  get size(): number {
    return this.until.size;
  }

  private sweep(now: number): void {
    // Also when the clock went back (it follows privacyIDEA's): sweeping must not wait for it to catch up.
    if (now < this.nextSweepAt && now >= this.nextSweepAt - SWEEP_EVERY_MS) return;
    this.nextSweepAt = now + SWEEP_EVERY_MS;
    for (const [id, until] of this.until) if (until <= now) this.until.delete(id);
  }
}
