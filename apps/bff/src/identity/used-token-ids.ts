import type { Clock } from '../clock.js';
import { ExpiringIds } from '../security/expiring-ids.js';

/**
 * Launch-token ids seen by this process, kept until the token would have expired anyway. A single process
 * needs nothing more; several replicas share a Redis-backed store instead (see the README).
 */
export class InMemoryUsedTokenIds {
  private readonly seen: ExpiringIds;

  constructor(clock: Clock) {
    this.seen = new ExpiringIds(clock);
  }

  claim = (jti: string, expiresAtMs: number): Promise<boolean> => Promise.resolve(this.seen.add(jti, expiresAtMs));
}
