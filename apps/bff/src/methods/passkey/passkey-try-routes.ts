import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { ProblemSchema, apiPaths } from '@pi-enroll/shared';
import { PasskeyTryChallengeSchema, PasskeyTryRequestSchema, PasskeyTryResultSchema } from '@pi-enroll/shared/methods/passkey-try';
import { isUsableToken } from '../../enrollment/user-tokens.js';
import { ProblemError } from '../../http/problem-error.js';
import { PrivacyIdeaError, piErrorCode } from '../../privacyidea/pi-errors.js';
import { problemsFor } from '../../routes/route-schemas.js';
import { checkPasskeyLogin, initializePasskeyLogin } from './pi-passkey.js';

const SerialParamsSchema = Type.Object({ serial: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });

/** How long the browser prompt of a try may take (privacyIDEA's login challenge lives 120 s). */
const TRY_TIMEOUT_MS = 60_000;

/**
 * "Try it now" after a passkey was added: one real login with it through privacyIDEA (`/validate/initialize`, then
 * `/validate/check` with the assertion, recorded W4/W5). Only for an enrolled passkey of the signed-in user; the
 * answer is `ok` only when privacyIDEA accepted a signature of that very token. It changes nothing but the token's
 * sign counter (and privacyIDEA's audit log, where it shows as a login).
 */
const passkeyTryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    `${apiPaths.methods}/:serial/try`,
    {
      schema: {
        params: SerialParamsSchema,
        body: PasskeyTryRequestSchema,
        response: {
          200: Type.Union([PasskeyTryChallengeSchema, PasskeyTryResultSchema]),
          404: ProblemSchema,
          ...problemsFor({ stateChanging: true, session: true, rateLimited: true, upstream: true }),
        },
      },
    },
    async (request) => {
      const session = app.requireSession(request);
      const tokens = await app.userMethods.tokensOf(session.user, request.id);
      const token = app.userMethods.owned(tokens, request.params.serial);
      if (token.tokentype !== 'passkey' || !isUsableToken(token)) {
        throw new ProblemError(400, 'invalid_request', 'Only a security key or passkey that was added can be tried.', { errors: [{ field: 'serial', message: 'not an enrolled passkey' }] });
      }
      const origin = request.headers.origin;
      if (origin === undefined) throw new ProblemError(400, 'invalid_request', 'A security key can only be tried from a browser page (the request has no Origin).');
      const { credentialId, transactionId, credential } = request.body;

      if (credential === undefined) {
        // Asking for this key only, when the widget says which one it is and privacyIDEA's record agrees.
        if (credentialId !== undefined && credentialIdHash(credentialId) !== token.info['credential_id_hash']) {
          throw new ProblemError(400, 'invalid_request', 'That is not the credential of this security key.', { errors: [{ field: 'credentialId', message: 'not this token' }] });
        }
        const challenge = await initializePasskeyLogin(app.privacyidea, origin, request.id);
        return {
          transactionId: challenge.transactionId,
          options: {
            // As for registration: privacyIDEA's clients sign the challenge string's bytes (W5).
            challenge: Buffer.from(challenge.challenge, 'utf8').toString('base64url'),
            rpId: challenge.rpId,
            userVerification: challenge.userVerification,
            timeout: TRY_TIMEOUT_MS,
            ...(credentialId !== undefined ? { allowCredentials: [{ id: credentialId, type: 'public-key' as const }] } : {}),
          },
        };
      }

      if (transactionId === undefined) {
        throw new ProblemError(400, 'invalid_request', 'Send the transactionId of the try with the credential.', { errors: [{ field: 'transactionId', message: 'required with credential' }] });
      }
      let verdict;
      try {
        verdict = await checkPasskeyLogin(app.privacyidea, { transactionId, credential, origin }, request.id);
      } catch (error) {
        // The challenge was used or expired (601 at /validate/check, or privacyIDEA's AuthError 403 at HTTP 401).
        if (error instanceof PrivacyIdeaError && (error.is(piErrorCode.tokenNotFound) || error.piCode === 403 || error.is(piErrorCode.parameter))) {
          request.log.info({ audit: 'methods', action: 'tried', user: session.user.username, serial: token.serial, result: 'failed', reason: error.message }, 'passkey try failed');
          return { result: 'failed' as const, reason: 'rejected' as const };
        }
        throw error;
      }
      const result =
        verdict.accepted && verdict.serial === token.serial
          ? ({ result: 'ok' } as const)
          : ({ result: 'failed', reason: verdict.accepted ? 'other_key' : 'rejected' } as const);
      request.log.info({ audit: 'methods', action: 'tried', user: session.user.username, serial: token.serial, result: result.result }, 'passkey tried');
      return result;
    },
  );
};

/** privacyIDEA's `hash_credential_id`: SHA-256 hex of the credential id's bytes (tokeninfo `credential_id_hash`). */
function credentialIdHash(credentialId: string): string {
  return createHash('sha256').update(Buffer.from(credentialId, 'base64url')).digest('hex');
}

export default passkeyTryRoutes;
