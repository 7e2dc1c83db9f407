import { isWellFormedOtpCode, maskEmailAddress, normalizeOtpCode, type EmailEnrollment, type EnrollmentProof } from '@pi-enroll/shared';
import type { AppConfig } from '../../config/app-config.js';
import type { ConfirmVerdict, EnrollmentMethod, MethodContext, NewEnrollment, ResendVerdict, ViewExtras } from '../../enrollment/enrollment-method.js';
import type { PendingEnrollment } from '../../enrollment/pending-enrollment.js';
import { isOurUnfinished, isOwnedBy } from '../../enrollment/user-tokens.js';
import { ProblemError } from '../../http/problem-error.js';
import { PrivacyIdeaError, piErrorCode } from '../../privacyidea/pi-errors.js';
import { initEmail, mailWasSent, sendEmailVerifyStep, userEmailAddress } from './pi-email.js';

export interface EmailState {
  /** The pending token (kind S: privacyIDEA makes its key and sends the code). */
  serial: string;
  /** The user store's address, masked: all the widget is ever shown. */
  maskedAddress: string;
}

type EmailPending = PendingEnrollment<EmailState>;

/**
 * An email code. privacyIDEA makes the key and mails the code itself, at /token/init, so the token must exist
 * while the user reads their mail: it waits in `verify` (verify_enrollment naming `email` is required), one per
 * user, and counts under passOnNoToken for that time. That window is kept as short as privacyIDEA allows: the
 * token is created at "Start" (not before), confirmed by step 2 with the mailed code, deleted at once on cancel,
 * expiry, running out of tries or a failed send, and the sweeper removes any left by a crash (its PIEN serial
 * carries the enrollment's deadline). The address is the user store's, read by privacyIDEA (`dynamic_email`),
 * never one from a request.
 */
export class EmailMethod implements EnrollmentMethod<EmailState> {
  readonly type = 'email';
  readonly tokenType = 'email';
  readonly label = 'Email code';
  readonly needs = 'email_access';

  async start(ctx: MethodContext, enrollment: NewEnrollment): Promise<EmailState> {
    const address = await userEmailAddress(ctx.pi, ctx.user, ctx.requestId);
    if (address === undefined) {
      throw new ProblemError(409, 'no_email_address', 'There is no email address on file for you. Ask your help desk to add one, or choose another method.');
    }
    await this.removeOurUnfinished(ctx);
    const serial = ctx.serials.serialFor({ kind: 'S', deadlineMs: enrollment.expiresAt, enrollmentId: enrollment.id, attempt: 0 });
    await this.sendCode(ctx, serial, enrollment.description);
    return { serial, maskedAddress: maskEmailAddress(address) };
  }

  view(pending: EmailPending, attemptsLeft: number, extras: ViewExtras): EmailEnrollment {
    return {
      type: 'email',
      status: 'pending',
      address: pending.state.maskedAddress,
      resendAvailableAt: new Date(extras.resendAvailableAt ?? pending.createdAt).toISOString(),
      expiresAt: new Date(pending.expiresAt).toISOString(),
      attemptsLeft,
    };
  }

  readProof(proof: EnrollmentProof) {
    const code = normalizeOtpCode(proof.code ?? '');
    if (!isWellFormedOtpCode(code)) return { ok: false as const, field: 'code', message: 'Enter the 6 to 8 digit code from the email.' };
    return { ok: true as const, proof: { code } };
  }

  /** privacyIDEA judges the code (step 2); the lifecycle counts the attempts, as privacyIDEA's verify does not. */
  async confirm(ctx: MethodContext, pending: EmailPending, { code = '' }: EnrollmentProof): Promise<ConfirmVerdict> {
    if (!(await this.stillOurs(ctx, pending))) return { kind: 'gone' };
    try {
      return (await sendEmailVerifyStep(ctx.pi, pending.state.serial, code, ctx.requestId)) === 'enrolled' ? { kind: 'confirmed', serial: pending.state.serial } : { kind: 'gone' };
    } catch (error) {
      if (error instanceof PrivacyIdeaError && error.is(piErrorCode.parameter)) return { kind: 'wrong' };
      throw error;
    }
  }

  async discard(ctx: MethodContext, pending: EmailPending): Promise<void> {
    if (await this.stillOurs(ctx, pending)) await ctx.pi.deleteToken(pending.state.serial, ctx.requestId);
  }

  /**
   * A new code: the token is deleted and made again under the same serial, so privacyIDEA mails a new code (and the
   * old one stops working). privacyIDEA 3.11 would also re-mail on a plain re-init of the serial
   * (`EmailTokenClass.update` → `postpolicy.check_verify_enrollment` → `prepare_verify_enrollment`), but 3.13+
   * refuse a re-init of a token in `verify` (`api/lib/prepolicy.py` `verify_enrollment`, recorded-api-3.13.md R3);
   * there is no other resend for a token in `verify` (/validate/check skips it, recorded M14).
   */
  async resend(ctx: MethodContext, pending: EmailPending): Promise<ResendVerdict> {
    if (!(await this.stillOurs(ctx, pending))) return { kind: 'gone' };
    await ctx.pi.deleteToken(pending.state.serial, ctx.requestId);
    try {
      await this.sendCode(ctx, pending.state.serial, pending.description);
      return { kind: 'sent' };
    } catch (error) {
      if (error instanceof ProblemError) return { kind: 'failed', problem: error };
      throw error;
    }
  }

  resendCooldownSeconds(config: AppConfig): number {
    return config.email.resendCooldownSeconds;
  }

  /** Creates the token, which mails the code; a token whose mail did not go out, or that is live at once, is removed. */
  private async sendCode(ctx: MethodContext, serial: string, description: string): Promise<void> {
    let init;
    try {
      init = await initEmail(ctx.pi, { serial, user: ctx.user, description }, ctx.requestId);
    } catch (error) {
      await this.deleteQuietly(ctx, serial);
      throw error;
    }
    if (init.rolloutState !== 'verify') {
      await this.deleteQuietly(ctx, serial);
      ctx.log.error({ serial, rolloutState: init.rolloutState }, 'the new email token was live at once and no code was mailed: bind a verify_enrollment policy naming email to this realm');
      throw new PrivacyIdeaError(502, piErrorCode.initFailed, 'email token without verify_enrollment', 'POST /token/init');
    }
    if (!mailWasSent(init)) {
      // privacyIDEA answers 200 even then; only verify.message says so (recorded M13).
      await this.deleteQuietly(ctx, serial);
      ctx.log.warn({ serial, message: init.verifyMessage }, 'privacyIDEA could not send the enrollment email (check its SMTP server and email.identifier); removed the token');
      throw new ProblemError(502, 'email_send_failed', 'The email with your code could not be sent. Please try again later, or choose another method.');
    }
  }

  /** One pending email token per user: an older one (another browser, a lost cookie) goes first. */
  private async removeOurUnfinished(ctx: MethodContext): Promise<void> {
    for await (const token of ctx.pi.allTokens({ user: ctx.user }, ctx.requestId)) {
      if (token.tokentype === this.tokenType && ctx.serials.parse(token.serial)?.kind === 'S' && isOurUnfinished(token, ctx.serials)) {
        await this.deleteQuietly(ctx, token.serial);
      }
    }
  }

  /** The pending token exists, is this user's and this enrollment's, and still waits for its code. */
  private async stillOurs(ctx: MethodContext, pending: EmailPending): Promise<boolean> {
    const token = await ctx.pi.findToken(pending.state.serial, ctx.requestId);
    return token !== undefined && isOwnedBy(token, ctx.user) && isOurUnfinished(token, ctx.serials) && ctx.serials.parse(token.serial)?.enrollmentId === pending.id;
  }

  private async deleteQuietly(ctx: MethodContext, serial: string): Promise<boolean> {
    try {
      await ctx.pi.deleteToken(serial, ctx.requestId);
      return true;
    } catch (error) {
      ctx.log.warn({ err: error, serial }, 'could not delete an unfinished email token now; the sweeper removes it');
      return false;
    }
  }
}
