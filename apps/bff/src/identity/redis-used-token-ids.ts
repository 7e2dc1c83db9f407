import type { Redis } from 'ioredis';
import type { Clock } from '../clock.js';
import { REDIS_KEY_PREFIX } from '../plugins/redis.js';

/**
 * Launch-token ids shared by every replica: `SET NX` succeeds for exactly one caller, so a token replayed
 * against another replica is refused too. The key lives until the token could no longer be accepted anyway.
 */
export class RedisUsedTokenIds {
  constructor(
    private readonly redis: Redis,
    private readonly clock: Clock,
  ) {}

  claim = async (jti: string, expiresAtMs: number): Promise<boolean> => {
    const ttlMs = Math.max(1000, Math.ceil(expiresAtMs - this.clock.now()));
    const result = await this.redis.set(`${REDIS_KEY_PREFIX}launch-jti:${jti}`, '1', 'PX', ttlMs, 'NX');
    return result === 'OK';
  };
}
