import type { Redis } from 'ioredis';
import type { Clock } from '../clock.js';
import { REDIS_KEY_PREFIX } from '../plugins/redis.js';
import { ExpiringIds } from './expiring-ids.js';

/** Ids of sessions that were ended before their natural end, each kept until then. */
export class EndedSessions {
  private readonly local: ExpiringIds;

  constructor(
    private readonly redis: Redis | undefined,
    private readonly clock: Clock,
  ) {
    this.local = new ExpiringIds(clock);
  }

  async end(sessionId: string, naturalEndMs: number): Promise<void> {
    const ttlMs = Math.ceil(naturalEndMs - this.clock.now());
    if (ttlMs <= 0) return;
    if (this.redis !== undefined) {
      await this.redis.set(this.key(sessionId), '1', 'PX', ttlMs);
      return;
    }
    this.local.add(sessionId, naturalEndMs);
  }

  async isEnded(sessionId: string): Promise<boolean> {
    if (this.redis !== undefined) return (await this.redis.exists(this.key(sessionId))) === 1;
    return this.local.has(sessionId);
  }

  private key(sessionId: string): string {
    return `${REDIS_KEY_PREFIX}ended-session:${sessionId}`;
  }
}
