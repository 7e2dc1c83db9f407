import type { Clock } from '../clock.js';
import { AdminTokenCache } from './admin-token-cache.js';
import type { PiEnvelope, PiToken, PiTokenPage, PiValidateDetail } from './pi-envelope.js';
import { PrivacyIdeaError, PrivacyIdeaProtocolError, piErrorCode } from './pi-errors.js';
import type { PiRequest, PiTransport } from './pi-transport.js';

export interface TokenFilter {
  serial?: string;
  user?: { username: string; realm: string | undefined };
  rolloutState?: string;
  active?: boolean;
}

export interface ValidateResult {
  accepted: boolean;
  message: string;
}

function valueOf<T>(envelope: PiEnvelope): T {
  if (!envelope.result.status) throw new Error('valueOf on an error envelope');
  return envelope.result.value as T;
}

/** Whether a successful /auth answer is the realm user `username` (privacyIDEA matches names case-insensitively). */
function isRealmUserAnswer(value: unknown, username: string, realm: string | undefined): boolean {
  const answer = (typeof value === 'object' && value !== null ? value : {}) as { role?: unknown; realm?: unknown; username?: unknown };
  const sameName = (a: unknown, b: string) => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
  return (
    answer.role === 'user' &&
    sameName(answer.username, username) &&
    (realm === undefined ? typeof answer.realm === 'string' && answer.realm !== '' : sameName(answer.realm, realm))
  );
}

/**
 * privacyIDEA's REST API as the BFF needs it, with admin credentials: sign-in checks, token listings and
 * management, /validate/check. What one sign-in method sends (/token/init and its second step) lives in that
 * method's folder (methods/<type>/pi-<type>.ts) over `adminCall`. Every request here has a recorded answer;
 * requests that crash privacyIDEA (an unknown token type, /validate/check without `pass`) cannot be expressed.
 */
export class PrivacyIdeaClient {
  private readonly adminToken: AdminTokenCache;

  constructor(
    private readonly transport: PiTransport,
    private readonly admin: { username: string; password: string },
    clock: Clock,
  ) {
    this.adminToken = new AdminTokenCache(() => this.loginAdmin(), clock);
  }

  /**
   * Checks a realm user's password. The user's own JWT is dropped at once: the BFF acts as admin only.
   *
   * privacyIDEA's /auth tries its local admins before any realm, `realm=` or not (recorded-api-more.md §7 A1):
   * a success alone may be an admin login. Only a realm user's answer counts: role `user`, the expected realm
   * (any realm when none is configured; an admin's is ""), and the user name that was sent. Anything else is
   * answered as a wrong password, so the sign-in cannot be used to test admin passwords.
   */
  async checkUserPassword(username: string, realm: string | undefined, password: string, requestId?: string): Promise<boolean> {
    const form: Record<string, string> = { username, password };
    if (realm !== undefined) form.realm = realm;
    const { httpStatus, envelope } = await this.transport.send({ method: 'POST', path: '/auth', form, requestId });
    if (envelope.result.status) return isRealmUserAnswer(envelope.result.value, username, realm);
    if (envelope.result.error.code === piErrorCode.wrongCredentials) return false;
    throw new PrivacyIdeaError(httpStatus, envelope.result.error.code, envelope.result.error.message, 'POST /auth');
  }

  /** Resolves true when deleted, false when it was already gone (so callers can be idempotent). */
  async deleteToken(serial: string, requestId?: string): Promise<boolean> {
    try {
      await this.adminCall({ method: 'DELETE', path: `/token/${encodeURIComponent(serial)}`, requestId });
      return true;
    } catch (error) {
      if (error instanceof PrivacyIdeaError && error.is(piErrorCode.tokenNotFound)) return false;
      throw error;
    }
  }

  /** Sets a token's description (recorded-api-more.md L7: `value: 1`; an empty one is stored as ""). */
  async setDescription(serial: string, description: string, requestId?: string): Promise<void> {
    await this.adminCall({ method: 'POST', path: `/token/description/${encodeURIComponent(serial)}`, form: { description }, requestId });
  }

  async findToken(serial: string, requestId?: string): Promise<PiToken | undefined> {
    const page = await this.listTokens({ serial }, 1, 10, requestId);
    return page.tokens.find((token) => token.serial === serial);
  }

  async listTokens(filter: TokenFilter, page = 1, pagesize = 50, requestId?: string): Promise<PiTokenPage> {
    const query: Record<string, string> = { page: String(page), pagesize: String(pagesize) };
    if (filter.serial !== undefined) query.serial = filter.serial;
    if (filter.user !== undefined) {
      query.user = filter.user.username;
      if (filter.user.realm !== undefined) query.realm = filter.user.realm;
    }
    if (filter.rolloutState !== undefined) query.rollout_state = filter.rolloutState;
    if (filter.active !== undefined) query.active = String(filter.active);
    const envelope = await this.adminCall({ method: 'GET', path: '/token/', query, requestId });
    return valueOf<PiTokenPage>(envelope);
  }

  /** All pages of a listing, for the sweeper. */
  async *allTokens(filter: TokenFilter, requestId?: string): AsyncGenerator<PiToken> {
    for (let page = 1; ; page += 1) {
      const result = await this.listTokens(filter, page, 100, requestId);
      yield* result.tokens;
      if (result.next === null || result.tokens.length === 0) return;
    }
  }

  /** /validate/check by serial. `pass` is always sent: privacyIDEA answers 500 without it. */
  async validateBySerial(serial: string, pass: string, requestId?: string): Promise<ValidateResult> {
    return this.validate({ serial, pass }, requestId);
  }

  /** /validate/check by user and realm, as a login would; an unknown user is simply not accepted. */
  async validateByUser(user: { username: string; realm: string | undefined }, pass: string, requestId?: string): Promise<ValidateResult> {
    const form: Record<string, string> = { user: user.username, pass };
    if (user.realm !== undefined) form.realm = user.realm;
    try {
      return await this.validate(form, requestId);
    } catch (error) {
      if (error instanceof PrivacyIdeaError && error.is(piErrorCode.userNotFound)) return { accepted: false, message: error.message };
      throw error;
    }
  }

  /** An unauthenticated /validate/ request (a passkey login: /validate/initialize, then /validate/check). */
  async validateCall(request: Omit<PiRequest, 'authorization'>): Promise<PiEnvelope> {
    const { httpStatus, envelope } = await this.transport.send(request);
    if (!envelope.result.status) {
      throw new PrivacyIdeaError(httpStatus, envelope.result.error.code, envelope.result.error.message, `${request.method} ${request.path}`);
    }
    return envelope;
  }

  private async validate(form: Record<string, string>, requestId?: string): Promise<ValidateResult> {
    const { httpStatus, envelope } = await this.transport.send({ method: 'POST', path: '/validate/check', form, requestId });
    if (!envelope.result.status) {
      throw new PrivacyIdeaError(httpStatus, envelope.result.error.code, envelope.result.error.message, 'POST /validate/check');
    }
    const detail = envelope.detail as PiValidateDetail | null | undefined;
    return { accepted: envelope.result.value === true, message: detail?.message ?? '' };
  }

  private async loginAdmin(): Promise<string> {
    const { httpStatus, envelope } = await this.transport.send({
      method: 'POST',
      path: '/auth',
      form: { username: this.admin.username, password: this.admin.password },
    });
    if (!envelope.result.status) {
      throw new PrivacyIdeaError(httpStatus, envelope.result.error.code, envelope.result.error.message, 'POST /auth');
    }
    const token = (envelope.result.value as { token?: unknown } | null)?.token;
    if (typeof token !== 'string') throw new PrivacyIdeaProtocolError('POST /auth', httpStatus, 'no token in result.value');
    return token;
  }

  /** Sends with the admin JWT; if privacyIDEA calls it expired or undecodable, logs in again once and retries. */
  async adminCall(request: Omit<PiRequest, 'authorization'>): Promise<PiEnvelope> {
    for (let attempt = 0; ; attempt += 1) {
      const jwt = await this.adminToken.get();
      const { httpStatus, envelope } = await this.transport.send({ ...request, authorization: jwt });
      if (envelope.result.status) return envelope;
      const { code, message } = envelope.result.error;
      const stale = code === piErrorCode.authorizationExpired || code === piErrorCode.authorizationUndecodable;
      if (stale && attempt === 0) {
        this.adminToken.invalidate(jwt);
        continue;
      }
      throw new PrivacyIdeaError(httpStatus, code, message, `${request.method} ${request.path}`);
    }
  }
}
