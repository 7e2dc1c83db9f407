import type { Clock } from '../clock.js';
import type { ExpiringStore } from './expiring-store.js';

/** How often expired entries are swept out: writing stays O(1) however many are held. */
const SWEEP_EVERY_MS = 30_000;

interface Entry {
  value: string;
  until: number;
}

/**
 * The store of a single process. JavaScript runs one request's synchronous code at a time, so each operation
 * below is atomic without locks. Expired entries are dropped in one pass at most every 30 s rather than on
 * every write, which at a hundred sign-ins a second would walk tens of thousands of entries each time.
 */
export class MemoryStore implements ExpiringStore {
  private readonly entries = new Map<string, Entry>();
  private nextSweepAt = 0;

  constructor(private readonly clock: Clock) {}

  claim(key: string, value: string, ttlMs: number): Promise<boolean> {
    if (this.live(key) !== undefined) return Promise.resolve(false);
    this.write(key, value, ttlMs);
    return Promise.resolve(true);
  }

  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.live(key)?.value);
  }

  set(key: string, value: string, ttlMs: number): Promise<void> {
    this.write(key, value, ttlMs);
    return Promise.resolve();
  }

  increment(key: string, ttlMs: number, by = 1): Promise<number> {
    const entry = this.live(key);
    const count = Number(entry?.value ?? '0') + by;
    if (entry === undefined) this.write(key, String(count), ttlMs);
    else entry.value = String(count);
    return Promise.resolve(count);
  }

  release(key: string, value: string): Promise<void> {
    if (this.live(key)?.value === value) this.entries.delete(key);
    return Promise.resolve();
  }

  extend(key: string, value: string, ttlMs: number): Promise<boolean> {
    const entry = this.live(key);
    if (entry?.value !== value) return Promise.resolve(false);
    entry.until = this.clock.now() + ttlMs;
    return Promise.resolve(true);
  }

  /** How many entries are held, expired ones not yet swept included. */
  get size(): number {
    return this.entries.size;
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    return entry !== undefined && entry.until > this.clock.now() ? entry : undefined;
  }

  private write(key: string, value: string, ttlMs: number): void {
    const now = this.clock.now();
    this.sweep(now);
    this.entries.set(key, { value, until: now + ttlMs });
  }

  private sweep(now: number): void {
    // Also when the clock went back (it follows privacyIDEA's): sweeping must not wait for it to catch up.
    if (now < this.nextSweepAt && now >= this.nextSweepAt - SWEEP_EVERY_MS) return;
    this.nextSweepAt = now + SWEEP_EVERY_MS;
    for (const [key, entry] of this.entries) if (entry.until <= now) this.entries.delete(key);
  }
}
