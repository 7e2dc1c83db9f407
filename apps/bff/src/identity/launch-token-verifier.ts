import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Clock } from '../clock.js';
import { ProblemError } from '../http/problem-error.js';
import { sessionUserOf } from './user-names.js';
import type { SessionUser } from '../session/session-data.js';

/** A launch token may live at most this long: it is a hand-over, not a credential to keep. */
const MAX_LIFETIME_SECONDS = 600;
const CLOCK_TOLERANCE_SECONDS = 30;

export interface LaunchTokenOptions {
  secret: string | undefined;
  jwksUrl: string | undefined;
  audience: string;
  issuer: string | undefined;
  defaultRealm: string | undefined;
  clock: Clock;
  /** Remembers used token ids until they expire; false when the id was seen before. */
  claimTokenId: (jti: string, expiresAtMs: number) => Promise<boolean>;
}

/**
 * Verifies the short-lived JWT the host site mints for a signed-in user. The algorithm is pinned (HS256 with
 * a shared secret, RS256/ES256 with a JWKS), so "alg: none" and algorithm confusion cannot pass.
 */
export class LaunchTokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly options: LaunchTokenOptions) {
    if (options.secret !== undefined) {
      this.key = new TextEncoder().encode(options.secret);
      this.algorithms = ['HS256'];
    } else if (options.jwksUrl !== undefined) {
      this.key = createRemoteJWKSet(new URL(options.jwksUrl));
      this.algorithms = ['RS256', 'ES256'];
    } else {
      throw new Error('LaunchTokenVerifier needs a secret or a JWKS URL');
    }
  }

  async verify(token: string): Promise<SessionUser> {
    const invalid = (detail: string) => new ProblemError(401, 'launch_token_invalid', detail);
    let payload;
    try {
      const verifyOptions = {
        algorithms: this.algorithms,
        audience: this.options.audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(this.options.clock.now()),
        requiredClaims: ['sub', 'exp', 'aud', 'jti'],
        ...(this.options.issuer !== undefined ? { issuer: this.options.issuer } : {}),
      };
      payload =
        this.key instanceof Uint8Array
          ? (await jwtVerify(token, this.key, verifyOptions)).payload
          : (await jwtVerify(token, this.key, verifyOptions)).payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw invalid('The sign-in link has expired. Please open the page again.');
      throw invalid('The sign-in link is not valid.');
    }
    const nowSeconds = this.options.clock.now() / 1000;
    // jose checks `iat` only against a maximum age; a token from the future is a host clock off by more than
    // the skew we allow, or a token minted ahead to be used later.
    if (payload.iat !== undefined && payload.iat - nowSeconds > CLOCK_TOLERANCE_SECONDS) {
      throw invalid('The sign-in link is not valid yet. Check the clocks of this server and the host site.');
    }
    if (payload.exp === undefined || payload.exp - nowSeconds > MAX_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS) {
      throw invalid('The sign-in link lives too long; launch tokens must expire within 10 minutes.');
    }
    if (typeof payload.sub !== 'string' || payload.sub.length === 0 || payload.sub.length > 128) throw invalid('The sign-in link names no user.');
    const realmClaim = (payload as { realm?: unknown }).realm;
    if (realmClaim !== undefined && (typeof realmClaim !== 'string' || realmClaim.length === 0)) throw invalid('The sign-in link names an invalid realm.');
    // Single use: a launch token that leaked (history, logs, a shoulder) cannot open a second session.
    // Remembered until the last moment the clock tolerance would still accept it, not just until `exp`.
    const acceptableUntilMs = (payload.exp + CLOCK_TOLERANCE_SECONDS) * 1000;
    if (typeof payload.jti !== 'string' || payload.jti.length > 256 || !(await this.options.claimTokenId(payload.jti, acceptableUntilMs))) {
      throw invalid('This sign-in link was already used. Please open the page again.');
    }
    const user = sessionUserOf(payload.sub, realmClaim ?? this.options.defaultRealm);
    if (user === undefined) throw invalid('The sign-in link names a user as name@realm; send the realm in the `realm` claim.');
    return user;
  }
}
