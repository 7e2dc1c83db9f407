import type { Clock } from '../clock.js';

/**
 * Launch-token ids seen by this process, kept until the token would have expired anyway. A single process
 * needs nothing more; several replicas share a Redis-backed store instead (see the README).
 */
export class InMemoryUsedTokenIds {
  private readonly seen = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  claim = (jti: string, expiresAtMs: number): Promise<boolean> => {
    const now = this.clock.now();
    for (const [id, expiry] of this.seen) if (expiry <= now) this.seen.delete(id);
    if (this.seen.has(jti)) return Promise.resolve(false);
    this.seen.set(jti, expiresAtMs);
    return Promise.resolve(true);
  };
}
