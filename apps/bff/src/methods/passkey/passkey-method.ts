import type { Enrollment, EnrollmentProof, PasskeyCredential, PasskeyRegistrationOptions } from '@pi-enroll/shared';
import type { ConfirmVerdict, EnrollmentMethod, MethodContext, NewEnrollment } from '../../enrollment/enrollment-method.js';
import type { PendingEnrollment } from '../../enrollment/pending-enrollment.js';
import { isOurUnfinished, isOwnedBy } from '../../enrollment/user-tokens.js';
import { ProblemError } from '../../http/problem-error.js';
import { PrivacyIdeaError } from '../../privacyidea/pi-errors.js';
import { completePasskey, initPasskey, isEnrolledPasskey, type PiPasskeyRegistration } from './pi-passkey.js';
import { isRpIdFor, readRegistrationCredential } from './webauthn-json.js';

export const PASSKEY_METHOD_LABEL = 'Security key or passkey';

/**
 * privacyIDEA's challenge validity for FIDO2 enrollments (`DefaultChallengeValidityTime`, 120 s unless configured):
 * after it step 2 can only fail, so a passkey enrollment never outlives it.
 */
export const PASSKEY_CEREMONY_SECONDS = 120;

/** privacyIDEA's EnrollmentError (`ERR404: …`): the registration did not verify, or its challenge is gone. */
const ENROLLMENT_ERROR = 404;

export interface PasskeyState {
  serial: string;
  transactionId: string;
  /** The options for `navigator.credentials.create`, in the standard JSON form (see toCreationOptions). */
  options: PasskeyRegistrationOptions;
}

type PasskeyPending = PendingEnrollment<PasskeyState>;

/**
 * A security key or passkey (privacyIDEA's `passkey` token, 3.11+). privacyIDEA makes the registration challenge,
 * so the token must exist from the start: inactive, in `clientwait`, which counts under passOnNoToken (W9). The
 * window is kept short: the token is made when the user asks for it (start), the enrollment lasts at most
 * privacyIDEA's challenge validity, and a cancelled, failed, expired or exhausted ceremony deletes it at once.
 */
export class PasskeyMethod implements EnrollmentMethod<PasskeyState> {
  readonly type = 'passkey';
  readonly tokenType = 'passkey';
  readonly label = PASSKEY_METHOD_LABEL;
  readonly needs = 'security_key_or_screen_lock';
  readonly maxPendingSeconds = PASSKEY_CEREMONY_SECONDS;

  async start(ctx: MethodContext, enrollment: NewEnrollment): Promise<PasskeyState> {
    const origin = ctx.origin;
    // privacyIDEA compares the browser's Origin with clientDataJSON.origin: without one the ceremony cannot finish.
    if (origin === undefined) throw new ProblemError(400, 'invalid_request', 'A security key can only be added from a browser page (the request has no Origin).');
    const serial = ctx.serials.serialFor({ kind: 'F', deadlineMs: enrollment.expiresAt, enrollmentId: enrollment.id, attempt: 0 });
    let init;
    try {
      init = await initPasskey(ctx.pi, { serial, user: ctx.user, description: enrollment.description }, ctx.requestId);
    } catch (error) {
      // The token may exist although its answer was lost (a timeout): we chose its serial, so it can go.
      if (!(error instanceof PrivacyIdeaError)) await this.deleteQuietly(ctx, serial);
      throw error;
    }
    const rpId = init.registration.rp.id.toLowerCase();
    const misconfigured =
      init.serial !== serial || init.rolloutState !== 'clientwait'
        ? `privacyIDEA answered serial ${init.serial} in rollout_state "${init.rolloutState}"`
        : ctx.config.passkey.rpId !== undefined && rpId !== ctx.config.passkey.rpId
          ? `privacyIDEA's relying-party policy names ${rpId}, PASSKEY_RP_ID says ${ctx.config.passkey.rpId}`
          : !isRpIdFor(rpId, origin)
            ? `the relying-party id ${rpId} is not the host of the page ${origin} nor one of its parent domains: browsers refuse the ceremony`
            : undefined;
    if (misconfigured !== undefined) {
      await this.deleteQuietly(ctx, serial);
      ctx.log.error({ serial, rpId, origin }, `passkey enrollment refused: ${misconfigured}`);
      throw new ProblemError(503, 'upstream_unavailable', 'Security keys cannot be added here right now.', { retryAfterSeconds: 60 });
    }
    return { serial, transactionId: init.transactionId, options: toCreationOptions(init.registration) };
  }

  view(pending: PasskeyPending, attemptsLeft: number): Enrollment {
    return {
      type: 'passkey',
      status: 'pending',
      expiresAt: new Date(pending.expiresAt).toISOString(),
      attemptsLeft,
      registrationOptions: pending.state.options,
    };
  }

  readProof(proof: EnrollmentProof) {
    const credential = readRegistrationCredential(proof.credential);
    if (!credential.ok) return { ok: false as const, field: 'credential', message: credential.message };
    return { ok: true as const, proof: { credential: credential.credential } };
  }

  async confirm(ctx: MethodContext, pending: PasskeyPending, proof: EnrollmentProof): Promise<ConfirmVerdict> {
    const { serial, transactionId, options } = pending.state;
    const credential = proof.credential as PasskeyCredential;
    const origin = ctx.origin;
    // Checked here first so that a credential made for another page or another ceremony never reaches privacyIDEA.
    if (origin === undefined || !clientDataMatches(credential, options.challenge, origin)) return { kind: 'wrong' };
    // Step 2 only for the token we just saw waiting: for a gone serial privacyIDEA makes a new live token.
    const token = await ctx.pi.findToken(serial, ctx.requestId);
    const ours = token !== undefined && isOwnedBy(token, ctx.user) && ctx.serials.parse(serial)?.enrollmentId === pending.id;
    // An earlier try's step 2 went through but its answer was lost (a timeout): privacyIDEA enrolled the token with
    // a registration it verified against this enrollment's challenge, so this enrollment is confirmed.
    if (ours && isEnrolledPasskey(token)) return { kind: 'confirmed', serial };
    if (!ours || !isOurUnfinished(token, ctx.serials)) return { kind: 'gone' };
    try {
      await completePasskey(ctx.pi, { serial, transactionId, credential, origin }, ctx.requestId);
    } catch (error) {
      if (error instanceof PrivacyIdeaError && error.is(ENROLLMENT_ERROR)) {
        if (/does not exist or has timed out/.test(error.message)) {
          await this.deleteQuietly(ctx, serial);
          return { kind: 'restart', detail: 'The security key prompt timed out. Please start again.' };
        }
        ctx.log.info({ serial, reason: error.message }, 'privacyIDEA did not accept the registration');
        return { kind: 'wrong' };
      }
      throw error;
    }
    // Step 2 answers no rollout_state (W3): the token counts only once privacyIDEA shows it enrolled and active.
    if (!isEnrolledPasskey(await ctx.pi.findToken(serial, ctx.requestId))) {
      await this.deleteQuietly(ctx, serial);
      ctx.log.warn({ serial }, 'the passkey token was not enrolled after step 2; removed it');
      return { kind: 'restart', detail: 'The security key could not be added. Please start again.' };
    }
    return { kind: 'confirmed', serial };
  }

  async discard(ctx: MethodContext, pending: PasskeyPending): Promise<void> {
    const { serial } = pending.state;
    const token = await ctx.pi.findToken(serial, ctx.requestId);
    if (token !== undefined && isOurUnfinished(token, ctx.serials) && ctx.serials.parse(serial)?.enrollmentId === pending.id) {
      await ctx.pi.deleteToken(serial, ctx.requestId);
    }
  }

  private async deleteQuietly(ctx: MethodContext, serial: string): Promise<void> {
    try {
      await ctx.pi.deleteToken(serial, ctx.requestId);
    } catch (error) {
      ctx.log.warn({ err: error, serial }, 'could not delete an unfinished passkey token now; the sweeper removes it');
    }
  }
}

/**
 * privacyIDEA's registration options in the standard JSON form a browser parses
 * (`PublicKeyCredential.parseCreationOptionsFromJSON`). The one translation: privacyIDEA's clients use the
 * challenge **string's bytes** as the challenge (its UI, `tokenControllers.js`; the server checks
 * `challenge.encode("utf-8")`, W3), so the standard base64url challenge is the encoding of those bytes. The widget
 * then needs no privacyIDEA quirk.
 */
export function toCreationOptions(registration: PiPasskeyRegistration): PasskeyRegistrationOptions {
  const selection = registration.authenticatorSelection;
  return {
    rp: { id: registration.rp.id, name: registration.rp.name },
    user: { id: registration.user.id, name: registration.user.name, displayName: registration.user.displayName },
    challenge: Buffer.from(registration.challenge, 'utf8').toString('base64url'),
    pubKeyCredParams: registration.pubKeyCredParams.map(({ alg }) => ({ type: 'public-key' as const, alg })),
    ...(registration.timeout !== undefined ? { timeout: registration.timeout } : {}),
    excludeCredentials: (registration.excludeCredentials ?? []).map(({ id, transports }) => ({
      id,
      type: 'public-key' as const,
      ...(transports !== undefined ? { transports } : {}),
    })),
    ...(selection !== undefined
      ? {
          authenticatorSelection: {
            ...(selection.authenticatorAttachment !== undefined ? { authenticatorAttachment: selection.authenticatorAttachment } : {}),
            ...(selection.residentKey !== undefined ? { residentKey: selection.residentKey } : {}),
            ...(selection.requireResidentKey !== undefined ? { requireResidentKey: selection.requireResidentKey } : {}),
            ...(selection.userVerification !== undefined ? { userVerification: selection.userVerification } : {}),
          },
        }
      : {}),
    ...(registration.attestation !== undefined ? { attestation: registration.attestation } : {}),
  };
}

/** clientDataJSON names a registration (`webauthn.create`) of this enrollment's challenge on this page. */
function clientDataMatches(credential: PasskeyCredential, challenge: string, origin: string): boolean {
  try {
    const clientData = JSON.parse(Buffer.from(credential.response.clientDataJSON, 'base64url').toString('utf8')) as Record<string, unknown>;
    return clientData['type'] === 'webauthn.create' && clientData['challenge'] === challenge && clientData['origin'] === origin;
  } catch {
    return false;
  }
}
