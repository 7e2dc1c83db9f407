import type { Clock } from '../clock.js';

/**
 * Wall time as privacyIDEA sees it. Every privacyIDEA answer carries the server's Unix time; judging expiry
 * and checking codes on the server's clock keeps the BFF consistent with how privacyIDEA validates TOTP codes,
 * whatever the skew between the machines. Until the first answer it is the local clock.
 */
export class UpstreamClock implements Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  learn(serverTimeMs: number): void {
    if (Number.isFinite(serverTimeMs)) this.offsetMs = serverTimeMs - Date.now();
  }
}
