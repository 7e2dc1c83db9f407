import { isWellFormedOtpCode, normalizeOtpCode } from '@pi-enroll/shared';
import type { EnrollmentLifecycle } from '../enrollment/lifecycle.js';
import { ProblemError } from '../http/problem-error.js';
import { sessionUserOf } from './user-names.js';
import type { PrivacyIdeaClient } from '../privacyidea/privacyidea-client.js';
import type { SessionUser, TokenSnapshot } from '../session/session-data.js';

/** One message for every failure, so the answer never tells which of username, password or code was wrong. */
export const GENERIC_LOGIN_FAILURE = 'The username, password or code is not right.';

export interface PasswordLoginDeps {
  pi: PrivacyIdeaClient;
  enrollment: Pick<EnrollmentLifecycle, 'snapshotTokens'>;
  realm: string | undefined;
}

export interface PasswordLoginResult {
  user: SessionUser;
  tokens: TokenSnapshot;
}

/**
 * Standalone sign-in: the password is checked by privacyIDEA (`POST /auth` with the user's realm credentials;
 * the user's JWT is dropped at once). A user who already has a usable token must also prove possession of it
 * with a current OTP (`/validate/check` by user and realm) before the session may add another token:
 * otherwise a phished password alone would be enough to plant an attacker's authenticator.
 */
export class PasswordLogin {
  constructor(private readonly deps: PasswordLoginDeps) {}

  async authenticate(username: string, password: string, otp: string | undefined, requestId?: string): Promise<PasswordLoginResult> {
    const failed = () => new ProblemError(401, 'invalid_credentials', GENERIC_LOGIN_FAILURE);
    const user: SessionUser | undefined = sessionUserOf(username, this.deps.realm);
    if (user === undefined || !(await this.deps.pi.checkUserPassword(user.username, user.realm, password, requestId))) throw failed();

    const { snapshot } = await this.deps.enrollment.snapshotTokens(user, requestId);
    if (snapshot.hasUsableToken) {
      if (otp === undefined || otp.trim() === '') {
        throw new ProblemError(401, 'step_up_required', 'Also enter the current code from the authenticator you already have.');
      }
      // Codes are often pasted as "123 456"; anything else (a PIN followed by the OTP) goes as typed.
      const pass = isWellFormedOtpCode(otp) ? normalizeOtpCode(otp) : otp;
      if (!(await this.deps.pi.validateByUser(user, pass, requestId)).accepted) throw failed();
    }
    return { user, tokens: snapshot };
  }
}
