import { decodeJwt } from 'jose';
import type { Clock } from '../clock.js';

/** Renew this long before privacyIDEA's 1 h expiry, so a request never races the deadline. */
const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * Holds the one admin JWT of this process. Concurrent callers that find it missing or stale share a single
 * `/auth` request. The JWT is never logged or returned: only `get()` hands it to the transport.
 */
export class AdminTokenCache {
  private token: { jwt: string; expiresAtMs: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly login: () => Promise<string>,
    private readonly clock: Clock,
  ) {}

  async get(): Promise<string> {
    if (this.token !== undefined && this.clock.now() < this.token.expiresAtMs - RENEW_BEFORE_MS) return this.token.jwt;
    return this.refresh();
  }

  /** Drops the token, e.g. after privacyIDEA called it expired. */
  invalidate(jwt: string): void {
    if (this.token?.jwt === jwt) this.token = undefined;
  }

  private refresh(): Promise<string> {
    this.pending ??= this.login()
      .then((jwt) => {
        const exp = decodeJwt(jwt).exp;
        // privacyIDEA issues 1 h tokens; if the claim is missing, assume the shortest sensible life.
        this.token = { jwt, expiresAtMs: exp !== undefined ? exp * 1000 : this.clock.now() + RENEW_BEFORE_MS * 2 };
        return jwt;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }
}
