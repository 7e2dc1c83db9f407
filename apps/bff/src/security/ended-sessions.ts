import type { Redis } from 'ioredis';
import type { Clock } from '../clock.js';
import { REDIS_KEY_PREFIX } from '../plugins/redis.js';

/** Ids of sessions that were ended before their natural end, each kept until then. */
export class EndedSessions {
  private readonly local = new Map<string, number>();

  constructor(
    private readonly redis: Redis | undefined,
    private readonly clock: Clock,
  ) {}

  async end(sessionId: string, naturalEndMs: number): Promise<void> {
    const ttlMs = Math.ceil(naturalEndMs - this.clock.now());
    if (ttlMs <= 0) return;
    if (this.redis !== undefined) {
      await this.redis.set(this.key(sessionId), '1', 'PX', ttlMs);
      return;
    }
    this.forgetExpired();
    this.local.set(sessionId, naturalEndMs);
  }

  async isEnded(sessionId: string): Promise<boolean> {
    if (this.redis !== undefined) return (await this.redis.exists(this.key(sessionId))) === 1;
    const until = this.local.get(sessionId);
    return until !== undefined && until > this.clock.now();
  }

  private key(sessionId: string): string {
    return `${REDIS_KEY_PREFIX}ended-session:${sessionId}`;
  }

  private forgetExpired(): void {
    const now = this.clock.now();
    for (const [id, until] of this.local) if (until <= now) this.local.delete(id);
  }
}
