import type { Redis } from 'ioredis';
import { STORE_KEY_PREFIX, type ExpiringStore } from './expiring-store.js';

/** INCRBY, and the expiry only on the first count: one round trip, atomic in Redis. */
const INCREMENT = `local n = redis.call('INCRBY', KEYS[1], ARGV[2])
if n == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

/** DEL only while the key still holds the caller's value. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** PEXPIRE only while the key still holds the caller's value. */
const EXTEND = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

/**
 * The store every replica shares. Redis outages fail closed: the operation rejects and so does the request,
 * rather than silently forgetting a replay, a count or a lock.
 */
export class RedisStore implements ExpiringStore {
  constructor(private readonly redis: Redis) {}

  async claim(key: string, value: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(STORE_KEY_PREFIX + key, value, 'PX', ttlMsOf(ttlMs), 'NX')) === 'OK';
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(STORE_KEY_PREFIX + key)) ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.redis.set(STORE_KEY_PREFIX + key, value, 'PX', ttlMsOf(ttlMs));
  }

  async increment(key: string, ttlMs: number, by = 1): Promise<number> {
    return Number(await this.redis.eval(INCREMENT, 1, STORE_KEY_PREFIX + key, ttlMsOf(ttlMs), by));
  }

  async release(key: string, value: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, STORE_KEY_PREFIX + key, value);
  }

  async extend(key: string, value: string, ttlMs: number): Promise<boolean> {
    return Number(await this.redis.eval(EXTEND, 1, STORE_KEY_PREFIX + key, value, ttlMsOf(ttlMs))) === 1;
  }
}

/** Redis refuses a PX of 0 or less; whatever is stored lives at least a millisecond. */
function ttlMsOf(ttlMs: number): number {
  return Math.max(1, Math.ceil(ttlMs));
}
