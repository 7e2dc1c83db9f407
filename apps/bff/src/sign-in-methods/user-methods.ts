import type { MethodType, SignInMethod } from '@pi-enroll/shared';
import type { AppConfig } from '../config/app-config.js';
import type { EnrollmentSerials } from '../enrollment/enrollment-serial.js';
import { isOurUnfinished, isOwnedBy, isUsableToken } from '../enrollment/user-tokens.js';
import { ProblemError } from '../http/problem-error.js';
import type { PiToken } from '../privacyidea/pi-envelope.js';
import type { PrivacyIdeaClient } from '../privacyidea/privacyidea-client.js';
import type { SessionUser } from '../session/session-data.js';

/**
 * The user's sign-in methods as privacyIDEA holds them: listed, renamed, removed. Every call acts on the
 * session's user only: a serial that is not theirs is answered exactly like one that does not exist, and
 * privacyIDEA receives no change for it.
 */
export class UserMethods {
  constructor(
    private readonly deps: {
      pi: PrivacyIdeaClient;
      config: AppConfig;
      serials: EnrollmentSerials;
      methodOfTokenType: (tokentype: string) => MethodType | undefined;
    },
  ) {}

  /** The user's tokens, less the unfinished ones of an enrollment in progress (they are no method yet). */
  async tokensOf(user: SessionUser, requestId?: string): Promise<PiToken[]> {
    const tokens: PiToken[] = [];
    for await (const token of this.deps.pi.allTokens({ user }, requestId)) {
      if (!isOurUnfinished(token, this.deps.serials)) tokens.push(token);
    }
    return tokens;
  }

  view(token: PiToken): SignInMethod {
    const method = this.deps.methodOfTokenType(token.tokentype) ?? null;
    return {
      serial: token.serial,
      tokenType: token.tokentype,
      method,
      description: token.description,
      active: token.active,
      createdAt: isoDate(token.info['creation_date']),
      lastUsedAt: isoDate(token.info['last_auth']),
      manageable: method !== null,
    };
  }

  /** One of the user's manageable tokens, or 404 `not_found` for anything else (another user's, an unknown one). */
  owned(tokens: PiToken[], serial: string): PiToken {
    const token = tokens.find((candidate) => candidate.serial === serial);
    if (token === undefined || this.deps.methodOfTokenType(token.tokentype) === undefined) {
      throw new ProblemError(404, 'not_found', 'There is no such sign-in method.');
    }
    return token;
  }

  async rename(user: SessionUser, serial: string, description: string, requestId?: string): Promise<SignInMethod> {
    const token = this.owned(await this.tokensOf(user, requestId), serial);
    await this.deps.pi.setDescription(token.serial, description, requestId);
    return this.view({ ...token, description });
  }

  /** Removes a method; the last usable one only when the operator allows it. The caller checked the step-up. */
  async remove(user: SessionUser, tokens: PiToken[], serial: string, requestId?: string): Promise<PiToken> {
    const token = this.owned(tokens, serial);
    const others = tokens.filter((candidate) => candidate.serial !== serial && isUsableToken(candidate));
    if (others.length === 0 && isUsableToken(token) && !this.deps.config.methods.allowRemovingLast) {
      throw new ProblemError(409, 'last_method', 'This is your last sign-in method. Add another one before you remove it.');
    }
    // privacyIDEA matches the owner again: never delete a token the session's user does not own.
    if (!isOwnedBy(token, user)) throw new ProblemError(404, 'not_found', 'There is no such sign-in method.');
    await this.deps.pi.deleteToken(token.serial, requestId);
    return token;
  }
}

/** privacyIDEA writes `2026-11-28T15:03:52+00:00` (creation) and `2026-11-28 15:04:32.130000+0000` (last use). */
function isoDate(value: string | undefined): string | null {
  if (value === undefined) return null;
  const normalised = value.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(normalised);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
