/**
 * The one store for state that every replica must share and that lives only for a while: used launch-token
 * ids, ended sessions, attempt counters, locks and "this enrollment is finished" marks. With REDIS_URL it is
 * Redis (redis-store.ts), otherwise this process's memory (memory-store.ts). Chosen once, in plugins/store.ts.
 *
 * Every operation is atomic on its key, so parallel requests on one or several replicas cannot both win a
 * claim or both see the same count.
 */
export interface ExpiringStore {
  /** Sets `key` to `value` for `ttlMs` only if it holds nothing; true for exactly one of several callers. */
  claim(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** The value, or undefined when absent or expired. */
  get(key: string): Promise<string | undefined>;
  /** Sets `key` whatever it held. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Adds `by` (default 1) and answers the new count. The key expires `ttlMs` after it was first counted. */
  increment(key: string, ttlMs: number, by?: number): Promise<number>;
  /** Deletes `key` only while it still holds `value` (a lock released by its holder, never by a later one). */
  release(key: string, value: string): Promise<void>;
  /** Gives `key` another `ttlMs` only while it still holds `value` (a holder renewing its lease); true if it did. */
  extend(key: string, value: string, ttlMs: number): Promise<boolean>;
}

/** Every key this app writes starts with this, so one Redis can serve several deployments' other data. */
export const STORE_KEY_PREFIX = 'pi-enroll:';
