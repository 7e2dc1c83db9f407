import { randomBytes } from 'node:crypto';
import { Secret } from 'otpauth';
import { defaultOtpParameters, isWellFormedOtpCode, normalizeOtpCode, type EnrollmentProof, type TotpEnrollment } from '@pi-enroll/shared';
import { totpEnrollmentView } from '@pi-enroll/shared/totp-enrollment-view';
import { TOTP_METHOD_LABEL } from '@pi-enroll/shared/pending-enrollment-rules';
import type { ConfirmVerdict, EnrollmentMethod, MethodContext, NewEnrollment } from '../../enrollment/enrollment-method.js';
import type { PendingEnrollment } from '../../enrollment/pending-enrollment.js';
import { isOurUnfinished, isOwnedBy } from '../../enrollment/user-tokens.js';
import { PrivacyIdeaError, piErrorCode } from '../../privacyidea/pi-errors.js';
import { KeySourceProbe } from './key-source.js';
import { initTotp, sendVerifyStep, type TotpParameters } from './pi-totp.js';
import { acceptedSteps, matchingStep } from './totp-code-window.js';
import { diagnoseWrongCode } from './wrong-code-diagnosis.js';

/** The key lengths RFC 6238 recommends per algorithm, which privacyIDEA generates too. */
const KEY_BYTES = { SHA1: 20, SHA256: 32, SHA512: 64 } as const;

export interface TotpState extends TotpParameters {
  /** Base32, unpadded: what the QR code carries. */
  secret: string;
  issuer: string;
  accountName: string;
  /** `client`: no token exists until the right code; `server`: privacyIDEA made the key and holds the token. */
  source: 'client' | 'server';
  /** The server-made token (source `server`). */
  serial?: string;
}

type TotpPending = PendingEnrollment<TotpState>;

/**
 * An authenticator app. By default nothing exists in privacyIDEA until the user typed a right code: the BFF
 * makes the key, shows the QR code, checks the code against the key itself, and only then creates the token
 * with that key and has privacyIDEA spend the confirming code (step 2 of verify_enrollment, or /validate/check
 * without the policy). Where privacyIDEA insists on making keys itself (key-source.ts), privacyIDEA's key is
 * used and its token waits in `verify` until the code, as before this design.
 */
export class TotpMethod implements EnrollmentMethod<TotpState> {
  readonly type = 'totp';
  readonly tokenType = 'totp';
  readonly label = TOTP_METHOD_LABEL;
  readonly needs = 'authenticator_app';
  private readonly keySources = new KeySourceProbe();

  async start(ctx: MethodContext, enrollment: NewEnrollment): Promise<TotpState> {
    const probed = await this.keySources.forRealm(ctx);
    const { source } = probed;
    const parameters: TotpParameters = enrollment.compatible ? { ...defaultOtpParameters } : probed.parameters;
    const shown = { issuer: ctx.config.otp.issuer, accountName: ctx.user.username };
    if (source === 'client') {
      const secret = new Secret({ buffer: randomBytes(KEY_BYTES[parameters.algorithm]).buffer }).base32;
      return { ...parameters, ...shown, secret, source };
    }
    return { ...(await this.createServerKeyToken(ctx, enrollment, parameters)), ...shown };
  }

  view(pending: TotpPending, attemptsLeft: number): TotpEnrollment {
    return totpEnrollmentView(pending.state, pending.expiresAt, attemptsLeft);
  }

  readProof(proof: EnrollmentProof) {
    const code = normalizeOtpCode(proof.code ?? '');
    if (!isWellFormedOtpCode(code)) return { ok: false as const, field: 'code', message: 'Enter the 6 to 8 digit code from your app.' };
    return { ok: true as const, proof: { code } };
  }

  async confirm(ctx: MethodContext, pending: TotpPending, { code = '' }: EnrollmentProof): Promise<ConfirmVerdict> {
    const proof = { code };
    const { state } = pending;
    const { windowSeconds } = ctx.config.otp;
    const offset = matchingStep(state.secret, state, proof.code, ctx.clock.now(), acceptedSteps(state.period, windowSeconds));
    if (offset === undefined) {
      const diagnosis = diagnoseWrongCode(state.secret, state, proof.code, ctx.clock.now(), windowSeconds);
      return diagnosis === undefined ? { kind: 'wrong' } : { kind: 'wrong', diagnosis };
    }
    const verdict = state.source === 'client' ? await this.createConfirmed(ctx, pending, proof.code) : await this.confirmServerKeyToken(ctx, pending, proof.code);
    // Accepted, but more than a step off: the phone's clock drifts, and will one day leave the window.
    if (verdict.kind === 'confirmed' && Math.abs(offset) > 1) return { ...verdict, warning: { reason: 'clock_drift', clockOffsetSeconds: offset * state.period } };
    return verdict;
  }

  async discard(ctx: MethodContext, pending: TotpPending): Promise<void> {
    const serial = pending.state.serial;
    // A client-key enrollment left nothing in privacyIDEA.
    if (serial === undefined) return;
    const token = await ctx.pi.findToken(serial, ctx.requestId);
    if (token !== undefined && isOurUnfinished(token, ctx.serials) && ctx.serials.parse(serial)?.enrollmentId === pending.id) {
      await ctx.pi.deleteToken(serial, ctx.requestId);
    }
  }

  /** The code is right for the user's app: create the token with that key, then spend the code. */
  private async createConfirmed(ctx: MethodContext, pending: TotpPending, code: string): Promise<ConfirmVerdict> {
    const { pi, serials, requestId, user } = ctx;
    const { state } = pending;
    // A serial of this try's own: should privacyIDEA carry out a try the BFF gave up on after a later try confirmed,
    // it makes a token of its own, which the sweeper removes, instead of re-keying the confirmed one.
    const serial = serials.serialFor({ kind: 'C', deadlineMs: pending.expiresAt, enrollmentId: pending.id, attempt: ctx.attempt });
    const keyHex = Secret.fromBase32(state.secret).hex;
    try {
      const init = await initTotp(pi, { serial, user, description: pending.description, parameters: state, keyHex }, requestId);
      if (init.secretBase32 !== state.secret || !sameParameters(init.parameters, state)) {
        // Never leave a token whose codes differ from the user's app (an admin policy changed the key or settings).
        await this.deleteQuietly(ctx, serial);
        this.keySources.forget(user.realm);
        ctx.log.warn({ serial, expected: pickParameters(state), actual: init.parameters, keyReplaced: init.secretBase32 !== state.secret }, 'privacyIDEA created the token with another key or other parameters than the QR code; removed it');
        return { kind: 'restart', detail: 'The authentication server changed the settings for new sign-in methods. Please start again; the new QR code will work.' };
      }
      const spent = init.rolloutState === 'verify' ? await this.sendVerify(ctx, serial, code) : (await pi.validateBySerial(serial, code, requestId)).accepted;
      if (!spent) {
        await this.deleteQuietly(ctx, serial);
        ctx.log.warn({ serial }, 'privacyIDEA did not accept a code the BFF found right (clock difference?); removed the new token');
        return { kind: 'wrong' };
      }
      return { kind: 'confirmed', serial };
    } catch (error) {
      // Not confirmed: the token may exist although an answer was lost. We chose its serial, so we can remove it,
      // and the user's next try creates it afresh under the same serial.
      if (!(await this.deleteQuietly(ctx, serial))) ctx.leftBehind(serial);
      throw error;
    }
  }

  /** privacyIDEA's verify step; a 905 means privacyIDEA judged the code wrong. */
  private async sendVerify(ctx: MethodContext, serial: string, code: string): Promise<boolean> {
    try {
      return (await sendVerifyStep(ctx.pi, serial, code, ctx.requestId)) === 'enrolled';
    } catch (error) {
      if (error instanceof PrivacyIdeaError && error.is(piErrorCode.parameter)) return false;
      throw error;
    }
  }

  /**
   * A server-made key: the token must exist from the start, in `verify`. One such token per user: an older one
   * (another browser, a replayed cookie) is removed first, so privacyIDEA never holds two.
   */
  private async createServerKeyToken(ctx: MethodContext, enrollment: NewEnrollment, parameters: TotpParameters): Promise<Omit<TotpState, 'issuer' | 'accountName'>> {
    const { pi, serials, requestId, user } = ctx;
    for await (const token of pi.allTokens({ user }, requestId)) {
      const mark = serials.parse(token.serial);
      if (mark?.kind === 'S' && isOurUnfinished(token, serials)) await this.deleteQuietly(ctx, token.serial);
    }
    const serial = serials.serialFor({ kind: 'S', deadlineMs: enrollment.expiresAt, enrollmentId: enrollment.id, attempt: 0 });
    let init;
    try {
      init = await initTotp(pi, { serial, user, description: enrollment.description, parameters }, requestId);
    } catch (error) {
      await this.deleteQuietly(ctx, serial);
      throw error;
    }
    if (init.rolloutState !== 'verify') {
      await this.deleteQuietly(ctx, serial);
      ctx.log.error({ serial, rolloutState: init.rolloutState }, 'privacyIDEA makes the keys itself but the new token was live at once: bind a verify_enrollment=totp policy to this realm');
      throw new PrivacyIdeaError(502, piErrorCode.initFailed, 'server-made key without verify_enrollment', 'POST /token/init');
    }
    return { ...parameters, ...init.parameters, secret: init.secretBase32, source: 'server', serial };
  }

  /** Step 2 for a server-made token, sent only after checking it still exists, is this user's and still waits. */
  private async confirmServerKeyToken(ctx: MethodContext, pending: TotpPending, code: string): Promise<ConfirmVerdict> {
    const serial = pending.state.serial;
    if (serial === undefined) return { kind: 'gone' };
    const token = await ctx.pi.findToken(serial, ctx.requestId);
    if (token === undefined || !isOwnedBy(token, ctx.user) || !isOurUnfinished(token, ctx.serials) || ctx.serials.parse(serial)?.enrollmentId !== pending.id) {
      return { kind: 'gone' };
    }
    return (await this.sendVerify(ctx, serial, code)) ? { kind: 'confirmed', serial } : { kind: 'wrong' };
  }

  /** Deletes a token of ours; false when privacyIDEA could not be asked (the token may still exist). */
  private async deleteQuietly(ctx: MethodContext, serial: string): Promise<boolean> {
    try {
      await ctx.pi.deleteToken(serial, ctx.requestId);
      return true;
    } catch (error) {
      ctx.log.warn({ err: error, serial }, 'could not delete an unfinished token now; it is removed later');
      return false;
    }
  }
}

function pickParameters({ algorithm, digits, period }: TotpParameters): TotpParameters {
  return { algorithm, digits, period };
}

function sameParameters(actual: Partial<TotpParameters>, wanted: TotpParameters): boolean {
  return (
    (actual.algorithm ?? wanted.algorithm) === wanted.algorithm &&
    (actual.digits ?? wanted.digits) === wanted.digits &&
    (actual.period ?? wanted.period) === wanted.period
  );
}
