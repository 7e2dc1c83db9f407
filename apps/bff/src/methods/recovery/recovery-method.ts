import type { EnrollmentProof, RecoveryEnrollment } from '@pi-enroll/shared';
import type { AppConfig } from '../../config/app-config.js';
import type { ConfirmVerdict, EnrollmentMethod, MethodContext, NewEnrollment } from '../../enrollment/enrollment-method.js';
import type { PendingEnrollment } from '../../enrollment/pending-enrollment.js';
import { isOwnedBy } from '../../enrollment/user-tokens.js';
import { PrivacyIdeaError, piErrorCode } from '../../privacyidea/pi-errors.js';
import { initTan, sendTanVerifyStep } from './pi-recovery.js';
import { isWellFormedRecoveryCode, newRecoveryCodes, normalizeRecoveryCode, RECOVERY_CODE_DIGITS, sameCode } from './recovery-codes.js';

export interface RecoveryState {
  /** The codes, shown to the user while the set is pending; privacyIDEA gets them only once one is typed back. */
  codes: string[];
  /** Which code (0-based) the user types back. */
  confirmIndex: number;
}

type RecoveryPending = PendingEnrollment<RecoveryState>;

/**
 * Recovery codes, as a privacyIDEA `tan` token. Nothing exists in privacyIDEA until the user has typed back the
 * code the widget names ("code 7"): the BFF makes the codes with a CSPRNG and shows them; only the right code
 * creates the token, with exactly these codes (`tans=`), and has privacyIDEA spend the confirming one (step 2 of
 * verify_enrollment, or /validate/check without it). Every other code then works once at /validate/check. A new
 * set replaces the user's earlier sets only once it is confirmed: they are deleted after it.
 *
 * Why `tan` and not `paper`: a paper token's codes are an ordered HOTP sequence — using code 7 burns codes 1–6, and a
 * code more than 10 ahead of the counter is refused (recorded-api-more.md §4.1 R2–R6b), which is not how people
 * use a list of recovery codes; and privacyIDEA makes paper codes from its own key, so they could not be shown
 * before the token exists. A `tan` token takes any code once, in any order (§4.3 T3–T6b), and accepts the codes from
 * the client (`tans=`, tantoken.py `update`).
 */
export class RecoveryMethod implements EnrollmentMethod<RecoveryState> {
  readonly type = 'recovery';
  readonly tokenType = 'tan';
  readonly label = 'Recovery codes';
  readonly needs = 'safe_place_for_codes';
  readonly needsOtherMethod = true;

  required(config: AppConfig): boolean {
    return config.recovery.required;
  }

  start(ctx: MethodContext, _enrollment: NewEnrollment): Promise<RecoveryState> {
    return Promise.resolve(newRecoveryCodes(ctx.config.recovery.codeCount));
  }

  view(pending: RecoveryPending, attemptsLeft: number): RecoveryEnrollment {
    return {
      type: 'recovery',
      status: 'pending',
      codes: [...pending.state.codes],
      confirmCodeNumber: pending.state.confirmIndex + 1,
      expiresAt: new Date(pending.expiresAt).toISOString(),
      attemptsLeft,
    };
  }

  readProof(proof: EnrollmentProof) {
    const code = normalizeRecoveryCode(proof.code ?? '');
    if (!isWellFormedRecoveryCode(code)) return { ok: false as const, field: 'code', message: `Enter the ${RECOVERY_CODE_DIGITS}-digit code from your list.` };
    return { ok: true as const, proof: { code } };
  }

  async confirm(ctx: MethodContext, pending: RecoveryPending, { code = '' }: EnrollmentProof): Promise<ConfirmVerdict> {
    const { codes, confirmIndex } = pending.state;
    // Judged here, without privacyIDEA: the user has not shown they hold the codes until they type the named one.
    if (!sameCode(code, codes[confirmIndex] ?? '')) return { kind: 'wrong' };
    const verdict = await this.createConfirmed(ctx, pending, code);
    if (verdict.kind === 'confirmed') await this.removeEarlierSets(ctx, verdict.serial);
    return verdict;
  }

  /** Nothing exists in privacyIDEA before the confirmation, and a confirmed set is never the lifecycle's to remove. */
  discard(): Promise<void> {
    return Promise.resolve();
  }

  private async createConfirmed(ctx: MethodContext, pending: RecoveryPending, code: string): Promise<ConfirmVerdict> {
    const { pi, serials, requestId, user } = ctx;
    // A serial of this try's own, as for an authenticator app: a late try never re-keys a confirmed set.
    const serial = serials.serialFor({ kind: 'C', deadlineMs: pending.expiresAt, enrollmentId: pending.id, attempt: ctx.attempt });
    try {
      const init = await initTan(pi, { serial, user, description: pending.description, codes: pending.state.codes }, requestId);
      if (init.serial !== serial || init.ownCodes > 0) {
        // privacyIDEA made codes of its own: the user's list would not work. Never leave such a token.
        await this.deleteQuietly(ctx, serial);
        ctx.log.warn({ serial, ownCodes: init.ownCodes }, 'privacyIDEA did not take the recovery codes it was given (tans=); removed the token');
        return { kind: 'restart', detail: 'The authentication server did not accept these recovery codes. Please start again.' };
      }
      const spent = init.rolloutState === 'verify' ? await this.sendVerify(ctx, serial, code) : (await pi.validateBySerial(serial, code, requestId)).accepted;
      if (!spent) {
        await this.deleteQuietly(ctx, serial);
        ctx.log.warn({ serial }, 'privacyIDEA did not accept a recovery code it was just given; removed the new token');
        return { kind: 'restart', detail: 'The authentication server did not accept these recovery codes. Please start again.' };
      }
      return { kind: 'confirmed', serial };
    } catch (error) {
      if (!(await this.deleteQuietly(ctx, serial))) ctx.leftBehind(serial);
      throw error;
    }
  }

  /**
   * The new set works: the user's earlier sets (their other tan tokens) go now. One that cannot be deleted stays
   * listed among the user's methods, where it can be removed; the new set counts either way.
   */
  private async removeEarlierSets(ctx: MethodContext, serial: string): Promise<void> {
    try {
      for await (const token of ctx.pi.allTokens({ user: ctx.user }, ctx.requestId)) {
        if (token.tokentype === this.tokenType && token.serial !== serial && isOwnedBy(token, ctx.user)) await ctx.pi.deleteToken(token.serial, ctx.requestId);
      }
    } catch (error) {
      ctx.log.warn({ err: error, serial }, 'the new recovery codes work, but an earlier set could not be removed');
    }
  }

  private async sendVerify(ctx: MethodContext, serial: string, code: string): Promise<boolean> {
    try {
      return (await sendTanVerifyStep(ctx.pi, serial, code, ctx.requestId)) === 'enrolled';
    } catch (error) {
      if (error instanceof PrivacyIdeaError && error.is(piErrorCode.parameter)) return false;
      throw error;
    }
  }

  private async deleteQuietly(ctx: MethodContext, serial: string): Promise<boolean> {
    try {
      await ctx.pi.deleteToken(serial, ctx.requestId);
      return true;
    } catch (error) {
      ctx.log.warn({ err: error, serial }, 'could not delete an unfinished recovery-code token now; it is removed later');
      return false;
    }
  }
}
