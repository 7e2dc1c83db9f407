import type {
  ClientConfig,
  Enrollment,
  EnrollmentConfirmed,
  Session,
  TokenSummary,
  User,
} from '@pi-enroll/shared';
import { DESCRIPTION_MAX_LENGTH } from '@pi-enroll/shared/enrollment-limits';
import { isWellFormedOtpCode, normalizeOtpCode } from '@pi-enroll/shared/otp-code';
import { buildOtpauthUri } from '@pi-enroll/shared/otpauth-uri';
import type { ProblemCode } from '@pi-enroll/shared/problem-codes';
import { encodeBase32 } from './base32.js';
import type { ProblemExtras } from './problem-response.js';
import type { MockSwitches } from './scenarios.js';
import { isCurrentTotp } from './totp.js';

/**
 * The code the fake always accepts as right (unless `acceptCorrectCode` is off) for 6-digit tokens, besides the
 * real TOTP of the secret; `mockCorrectCode(digits)` gives it for 7 and 8 digits.
 */
export const MOCK_CORRECT_CODE = '123456';
/** The only launch token the fake accepts. */
export const MOCK_LAUNCH_TOKEN = 'mock-launch-token';
/** The password of every user in password mode. */
export const MOCK_PASSWORD = 'correct horse battery staple';
/** The user signed in by the launch token, and the default session. */
export const MOCK_USER: User = { username: 'alice', realm: 'employees' };

export function mockCorrectCode(digits: number): string {
  return '1234567890'.slice(0, digits);
}

/** A refusal the BFF would answer as a problem document. */
export class FakeProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly extras: ProblemExtras = {},
  ) {
    super(code);
  }
}

interface PendingEnrollment {
  enrollment: Enrollment;
  description: string;
}

/**
 * The BFF's behaviour, in memory: one browser, one session. It decides like the real BFF (idempotent start,
 * attempts counted down, token removed when they run out or the enrollment expires) so the widget can be
 * driven through every path without a server.
 */
export class FakeBff {
  private user: User | null;
  private readonly tokens: TokenSummary[] = [];
  private pending: PendingEnrollment | null = null;
  private serialCounter = 0;

  constructor(
    readonly config: ClientConfig,
    readonly switches: MockSwitches,
    private readonly now: () => number,
  ) {
    this.user = switches.signedIn ? MOCK_USER : null;
    if (switches.hasExistingToken || switches.alreadyEnrolled) {
      this.tokens.push({ serial: this.nextSerial(), type: 'totp', description: 'Old phone', active: true });
    }
    if (switches.pendingEnrollment && this.user) this.pending = this.newEnrollment(this.user, '');
  }

  get pendingEnrollment(): Enrollment | null {
    return this.pending?.enrollment ?? null;
  }

  get signedInUser(): User | null {
    return this.user;
  }

  get tokenList(): readonly TokenSummary[] {
    return this.tokens;
  }

  createSession(body: Record<string, unknown>): void {
    const modes = this.config.identityModes;
    if (typeof body.launchToken === 'string') {
      if (!modes.includes('launch-token')) throw new FakeProblem('invalid_request');
      if (body.launchToken !== MOCK_LAUNCH_TOKEN) throw new FakeProblem('launch_token_invalid');
      this.user = MOCK_USER;
      return;
    }
    if (typeof body.username !== 'string' || body.username === '') {
      throw new FakeProblem('invalid_request', { errors: [{ field: '/username', message: 'required' }] });
    }
    if (typeof body.password === 'string') {
      if (!modes.includes('password')) throw new FakeProblem('invalid_request');
      if (body.password !== MOCK_PASSWORD) throw new FakeProblem('invalid_credentials');
      if (this.switches.stepUp) {
        if (typeof body.otp !== 'string') throw new FakeProblem('step_up_required');
        if (normalizeOtpCode(body.otp) !== mockCorrectCode(this.config.otp.digits)) {
          throw new FakeProblem('invalid_credentials');
        }
      }
      this.user = { username: body.username, realm: MOCK_USER.realm };
      return;
    }
    if (!modes.includes('demo') || !this.config.demoUsers.includes(body.username)) {
      throw new FakeProblem('invalid_request', { errors: [{ field: '/username', message: 'not a demo user' }] });
    }
    this.user = { username: body.username, realm: 'demo' };
  }

  deleteSession(): void {
    this.user = null;
  }

  getSession(): Session {
    const user = this.requireUser();
    return { user, tokens: [...this.tokens], pending: this.livePending()?.enrollment ?? null };
  }

  /** 201 with a new enrollment, or 200 with the one already pending (double clicks, two tabs). */
  startEnrollment(body: { type?: unknown; description?: unknown }): { created: boolean; enrollment: Enrollment } {
    const user = this.requireUser();
    if (body.type !== undefined && body.type !== 'totp') {
      throw new FakeProblem('invalid_request', { errors: [{ field: '/type', message: 'must be totp' }] });
    }
    const description = body.description ?? '';
    if (typeof description !== 'string' || description.length > DESCRIPTION_MAX_LENGTH) {
      throw new FakeProblem('invalid_request', { errors: [{ field: '/description', message: 'at most 80 characters' }] });
    }
    if (this.switches.alreadyEnrolled) throw new FakeProblem('already_enrolled');
    const existing = this.livePending();
    if (existing) return { created: false, enrollment: existing.enrollment };
    this.pending = this.newEnrollment(user, description);
    return { created: true, enrollment: this.pending.enrollment };
  }

  getEnrollment(): Enrollment {
    this.requireUser();
    const pending = this.livePending();
    if (!pending) throw new FakeProblem('no_pending_enrollment');
    return pending.enrollment;
  }

  async verifyEnrollment(body: { code?: unknown }): Promise<EnrollmentConfirmed> {
    this.requireUser();
    if (typeof body.code !== 'string' || !isWellFormedOtpCode(body.code)) {
      throw new FakeProblem('invalid_request', { errors: [{ field: '/code', message: 'must be 6–8 digits' }] });
    }
    if (this.pending && (this.switches.expireOnVerify || this.isExpired(this.pending))) {
      this.pending = null;
      throw new FakeProblem('enrollment_expired');
    }
    const pending = this.pending;
    if (!pending) throw new FakeProblem('no_pending_enrollment');
    if (await this.isRightCode(normalizeOtpCode(body.code), pending.enrollment)) {
      this.pending = null;
      const serial = this.nextSerial();
      this.tokens.push({ serial, type: 'totp', description: pending.description, active: true });
      return { status: 'enrolled', serial, description: pending.description };
    }
    const attemptsLeft = pending.enrollment.attemptsLeft - 1;
    if (attemptsLeft <= 0) {
      this.pending = null;
      throw new FakeProblem('attempts_exhausted', { attemptsLeft: 0 });
    }
    pending.enrollment = { ...pending.enrollment, attemptsLeft };
    throw new FakeProblem('invalid_code', { attemptsLeft });
  }

  /** Idempotent, like the real DELETE: nothing pending is not an error. */
  cancelEnrollment(): void {
    this.requireUser();
    this.pending = null;
  }

  private requireUser(): User {
    if (!this.user) throw new FakeProblem('unauthenticated');
    return this.user;
  }

  private livePending(): PendingEnrollment | null {
    if (this.pending && this.isExpired(this.pending)) this.pending = null;
    return this.pending;
  }

  private isExpired(pending: PendingEnrollment): boolean {
    return Date.parse(pending.enrollment.expiresAt) <= this.now();
  }

  private async isRightCode(code: string, enrollment: Enrollment): Promise<boolean> {
    if (!this.switches.acceptCorrectCode) return false;
    if (code === mockCorrectCode(enrollment.digits)) return true;
    return isCurrentTotp(code, enrollment.secret, enrollment, this.now());
  }

  private nextSerial(): string {
    this.serialCounter += 1;
    return `TOTP${String(this.serialCounter).padStart(8, '0')}`;
  }

  private newEnrollment(user: User, description: string): PendingEnrollment {
    const { issuer, algorithm, digits, period } = this.config.otp;
    // privacyIDEA's key sizes: 20 bytes for SHA1, the hash's output size otherwise.
    const secret = encodeBase32(crypto.getRandomValues(new Uint8Array(algorithm === 'SHA1' ? 20 : algorithm === 'SHA256' ? 32 : 64)));
    const accountName = `${user.username}@${user.realm}`;
    return {
      description,
      enrollment: {
        type: 'totp',
        status: 'pending',
        otpauthUri: buildOtpauthUri({ secret, issuer, accountName, algorithm, digits, period }),
        secret,
        issuer,
        accountName,
        algorithm,
        digits,
        period,
        expiresAt: new Date(this.now() + this.config.enrollmentTtlSeconds * 1000).toISOString(),
        attemptsLeft: this.config.maxAttempts,
      },
    };
  }
}
