import { createHmac, randomBytes } from 'node:crypto';

/** Cells per row and rows: 3 × 32,768 cells of 6 bytes, about 600 KB per limiter, whatever the traffic. */
const CELLS_PER_ROW = 1 << 15;
const ROWS = 3;
const MAX_COUNT = 0xffff;

interface StoreResult {
  current: number;
  ttl: number;
}
type Callback = (error: Error | null, result: StoreResult) => void;

/**
 * A rate-limit store for @fastify/rate-limit (without Redis) that cannot be made to forget a key.
 *
 * The library's own local store keeps 5,000 keys in an LRU: an attacker who sends sign-ins with 5,000 throw-away
 * user names pushes the victim's counter out and gets a fresh set of guesses. Any store that grows with the
 * keys it is sent must evict (or refuse) someone, and the attacker chooses the keys. This one does not keep
 * keys at all: a count-min sketch of fixed size. Each key (hashed with a per-process random key, so nobody can
 * pick names that collide on purpose) bumps one cell in each row, each cell counts within its own window, and
 * the key's count is the smallest of its cells. A cell is shared by other keys, never emptied by them: the
 * count of a key is never lower than its true count in the window. Throw-away names can only raise other
 * keys' counts (an occasional needless 429 under heavy load, failing closed), never lower them.
 */
export class CountingSketchStore {
  private readonly hashKey = randomBytes(32);
  private readonly counts = new Uint16Array(ROWS * CELLS_PER_ROW);
  /** When each cell's window started (epoch milliseconds). */
  private readonly windowStarts = new Float64Array(ROWS * CELLS_PER_ROW);

  private cells(key: string): number[] {
    const digest = createHmac('sha256', this.hashKey).update(key).digest();
    return Array.from({ length: ROWS }, (_, row) => row * CELLS_PER_ROW + (digest.readUInt32BE(row * 4) % CELLS_PER_ROW));
  }

  incr(key: string, callback: Callback, timeWindow: number): void {
    callback(null, this.count(key, timeWindow, 1));
  }

  read(key: string, callback: Callback, timeWindow: number): void {
    callback(null, this.count(key, timeWindow, 0));
  }

  /** Every limiter counts on its own sketch, as with the library's stores. */
  child(): CountingSketchStore {
    return new CountingSketchStore();
  }

  private count(key: string, timeWindow: number, increment: number): StoreResult {
    const now = Date.now();
    let current = MAX_COUNT;
    let ttl = timeWindow;
    for (const cell of this.cells(key)) {
      const started = this.windowStarts[cell] ?? 0;
      let count = this.counts[cell] ?? 0;
      let remaining = started + timeWindow - now;
      if (remaining <= 0) {
        if (increment === 0) {
          current = 0;
          ttl = 0;
          continue;
        }
        count = 0;
        remaining = timeWindow;
        this.windowStarts[cell] = now;
      }
      count = Math.min(MAX_COUNT, count + increment);
      this.counts[cell] = count;
      current = Math.min(current, count);
      // Once the first of the key's cells starts a new window, its count drops: that is when to retry.
      ttl = Math.min(ttl, remaining);
    }
    return { current, ttl };
  }
}
