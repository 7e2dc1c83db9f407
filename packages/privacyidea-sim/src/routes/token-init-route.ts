import { forcesServerKey, initDefaultsFromPolicies } from '../admin-policies.js';
import { successEnvelope } from '../envelope.js';
import type { PythonJson } from '../python-json.js';
import { privacyIdeaErrors } from '../privacyidea-error.js';
import { isTrue, ok, presentParam, type RequestParams, type RouteHandler } from '../request-context.js';
import type { SimulatorState } from '../simulator-state.js';
import {
  VERIFY_ENROLLMENT_MESSAGE,
  enrollmentUrls,
  generateOtpKeyHex,
  newTokenRecord,
  ownerOf,
  rekeyToken,
  type TokenKeyMaterial,
} from '../token-enrollment.js';
import { isoSecondsUtc } from '../token-dates.js';
import { checkOtp } from '../token-otp.js';
import { passkeyInit } from './passkey-init.js';
import { OTP_HASHLIBS, TOKEN_TYPES, tokenHashlib, tokenTimeStep, type OtpHashlib, type TokenOwner, type TokenRecord, type TokenType } from '../token-store.js';
import { newTransactionId, sendEmailOtp, EMAIL_VALID_SECONDS } from '../token-types/email-token.js';
import { storeTans, tanCodes } from '../token-types/tan-token.js';

/**
 * `POST /token/init` for totp and hotp, with privacyIDEA's recorded behaviour (per version profile):
 * - `verify=` on a token in rollout_state `verify` checks the code (wrong or replayed → 400/905, failcount
 *   untouched; right → `enrolled`, the code's step consumed). On any other existing token it answers 200 with the
 *   token's rollout_state and checks nothing (recorded g18, R6: not proof of possession).
 * - An existing serial without `verify` is re-keyed; 3.13+ refuse that for a token in `verify` (R3). An existing
 *   serial with another type is 400/301, an unknown type 500 (a server bug), genkey + otpkey ignores otpkey.
 * - `verify=` for a serial that does not exist creates an ownerless token without a key (B2; TokenClass.update
 *   skips the otpkey check and, 3.13+, the key generation when `verify` is sent).
 * - Admin-scope policies override otplen/hashlib/timeStep (Q3); 3.13+ generate a key when none is sent (E5) and,
 *   under `force_server_generate`, instead of the client's (R7).
 * - The verify_enrollment policy applies when the request's user (or, on re-init, the token's owner) is in a realm
 *   with the policy; a token without a user never gets it (recorded j13).
 */
export const tokenInitRoute: RouteHandler = (ctx) => {
  const { params, state, nowMs } = ctx;
  const { profile } = state;
  const tokentype = (presentParam(params, 'type') ?? 'hotp').toLowerCase() as TokenType;
  const serialParam = presentParam(params, 'serial');
  const userParam = presentParam(params, 'user');
  const resolved = userParam === undefined ? undefined : state.users.resolve(userParam, presentParam(params, 'realm'));
  if (userParam !== undefined && resolved === undefined) throw privacyIdeaErrors.userNotFound();
  if (tokentype === 'passkey') return passkeyInit(ctx, resolved === undefined ? undefined : ownerOf(resolved));
  if (!(TOKEN_TYPES as readonly string[]).includes(tokentype)) throw privacyIdeaErrors.internalServerError();

  const existing = serialParam === undefined ? undefined : state.tokens.find(serialParam);
  if (existing !== undefined && existing.tokentype !== tokentype) {
    throw privacyIdeaErrors.tokenInitFailed(
      `Token ${serialParam} already exists with type ${existing.tokentype}. Can not initialize token with new type ${tokentype}`,
    );
  }

  const verify = presentParam(params, 'verify');
  if (verify === undefined && existing?.rolloutState === 'verify' && profile.refuseReinitInVerify) {
    throw privacyIdeaErrors.parameter("Token is in verify_pending state but 'verify' parameter is missing.");
  }
  if (verify !== undefined && existing !== undefined) {
    if (existing.rolloutState === 'verify') {
      if (checkOtp(existing, verify, nowMs) < 0) throw privacyIdeaErrors.parameter('Verification of the new token failed.');
      existing.rolloutState = 'enrolled';
    }
    const description = params['description'];
    if (description !== undefined) existing.description = description;
    return ok(successEnvelope(true, nowMs, { detail: { rollout_state: existing.rolloutState, serial: existing.serial } }));
  }

  const owner = resolved === undefined ? existing?.owner : ownerOf(resolved);
  const policies = state.adminPolicies();
  const oath = tokentype === 'totp' || tokentype === 'hotp';
  const effective = { ...params, ...(oath ? initDefaultParams(initDefaultsFromPolicies(policies, tokentype, owner?.realm)) : {}) };
  const otpkey = presentParam(params, 'otpkey');
  // The email, paper and tan classes ask for a generated key themselves when none is sent (`param["genkey"] = 1`).
  const generate = !oath
    ? isTrue(params['genkey']) || otpkey === undefined
    : profile.generateKeyWithoutOtpkey
      ? isTrue(params['genkey']) || otpkey === undefined || forcesServerKey(profile.forceServerGenerate, policies, tokentype, owner?.realm)
      : isTrue(params['genkey']);
  if (tokentype === 'tan') {
    // TANs from the client set the length: `param["otplen"] = len(tans[0])` (tantoken.py update).
    const first = tanCodes(params).tans?.[0];
    if (first !== undefined) effective['otplen'] = String(first.length);
  }
  const dynamicEmail = tokentype === 'email' && isTrue(params['dynamic_email']);
  const fixedEmail = tokentype === 'email' ? presentParam(params, 'email') : undefined;
  // EmailTokenClass.update: `getParam(param, "email", optional=False)` unless dynamic_email.
  if (tokentype === 'email' && !dynamicEmail && fixedEmail === undefined) throw privacyIdeaErrors.missingParameter('email');
  // privacyIDEA 3.13's TokenClass.update generates a key only `if otpKey is None and genkey and not verify`.
  const keyless = verify !== undefined && (generate ? profile.generateKeyWithoutOtpkey : otpkey === undefined);
  if (!generate && otpkey === undefined && !keyless) throw privacyIdeaErrors.missingParameter('otpkey');
  const key = keyMaterial(effective, tokentype, existing, generate ? undefined : otpkey);
  if (keyless) key.otpkeyHex = '';

  const needsVerification = verifyEnrollmentApplies(state, owner, tokentype);
  let token: TokenRecord;
  if (existing === undefined) {
    token = state.tokens.add(
      newTokenRecord({
        serial: serialParam ?? state.tokens.newSerial(tokentype),
        tokentype,
        key,
        owner,
        description: params['description'] ?? '',
        rolloutState: needsVerification ? 'verify' : '',
        pin: params['pin'] ?? '',
        nowMs,
      }),
    );
  } else {
    token = existing;
    rekeyToken(token, key);
    if (resolved !== undefined && token.owner === undefined) token.info['assignment_date'] = isoSecondsUtc(nowMs);
    token.owner = owner;
    if (params['description'] !== undefined) token.description = params['description'];
    if (params['pin'] !== undefined) token.pin = params['pin'];
    if (needsVerification) token.rolloutState = 'verify';
    // init_token writes creation_date after every init, of a new token or an existing one (lib/token.py
    // `init_token`, 3.11.5 and 3.13.3; recorded-api-3.13.md C3a: "info.creation_date updated").
    token.info['creation_date'] = isoSecondsUtc(nowMs);
  }
  // 3.14's init_token ends with `if not token.rollout_state: rollout_state = ENROLLED` (lib/token/lifecycle.py).
  if (token.rolloutState === '') token.rolloutState = state.finishedRolloutState();

  const typeDetail: { [key: string]: PythonJson } = {};
  if (tokentype === 'email') {
    if (dynamicEmail) {
      token.info['dynamic_email'] = 'True';
      delete token.info['email'];
    } else if (fixedEmail !== undefined) {
      token.info['email'] = fixedEmail;
    }
  }
  if (tokentype === 'tan') typeDetail['otps'] = storeTans(token, effective);

  let verifyMessage = VERIFY_ENROLLMENT_MESSAGE;
  if (needsVerification && tokentype === 'email') {
    // prepare_verify_enrollment → create_challenge: the mail goes out during init, and only its message tells
    // whether sending worked; the answer is 200 either way (recorded M4, M13).
    const { sent, message } = sendEmailOtp(state, token, nowMs);
    if (sent) {
      const transactionId = newTransactionId();
      state.challenges.set(transactionId, [{ serial: token.serial, transactionId, validUntilMs: nowMs + EMAIL_VALID_SECONDS * 1000 }]);
    }
    verifyMessage = message;
  }

  // Without a key, get_init_detail has no otpkey to show: no URLs, only rollout_state and serial (B2).
  const urls = keyless ? {} : enrollmentUrls(token);
  const detail = { ...urls, ...typeDetail, rollout_state: token.rolloutState, serial: token.serial };
  return ok(
    successEnvelope(true, nowMs, {
      detail: needsVerification ? { ...detail, verify: { message: verifyMessage } } : detail,
    }),
  );
};

/**
 * The types `verifyEnrollment: true` names unless `verifyEnrollmentTypes` says otherwise: the recorded lab's
 * `pol-verify-enroll` (hotp totp) with `rec-verify-email` (email) and `rec-verify-paper` (paper tan …), which add up.
 */
export const DEFAULT_VERIFY_ENROLLMENT_TYPES: readonly TokenType[] = ['hotp', 'totp', 'email', 'tan'];

/** `request.all_data.update(default_settings)`: the policy values replace the request's. */
function initDefaultParams(defaults: { otplen?: number; hashlib?: string; timeStep?: number }): RequestParams {
  const overrides: RequestParams = {};
  if (defaults.otplen !== undefined) overrides['otplen'] = String(defaults.otplen);
  if (defaults.hashlib !== undefined) overrides['hashlib'] = defaults.hashlib;
  if (defaults.timeStep !== undefined) overrides['timeStep'] = String(defaults.timeStep);
  return overrides;
}

/** verify_enrollment for the owner's realm, naming this token type (postpolicy.check_verify_enrollment). */
function verifyEnrollmentApplies(state: SimulatorState, owner: TokenOwner | undefined, tokentype: TokenType): boolean {
  if (owner === undefined) return false;
  const realm = state.users.realm(owner.realm);
  if (realm === undefined) return false;
  const policies = state.users.policiesOf(realm);
  return policies.verifyEnrollment && (policies.verifyEnrollmentTypes ?? DEFAULT_VERIFY_ENROLLMENT_TYPES).includes(tokentype);
}

function keyMaterial(
  params: RequestParams,
  tokentype: TokenType,
  existing: TokenRecord | undefined,
  otpkey: string | undefined,
): TokenKeyMaterial {
  const hashlib = parseHashlib(presentParam(params, 'hashlib'), existing === undefined ? 'sha1' : tokenHashlib(existing));
  const otplen = parseInteger(presentParam(params, 'otplen'), existing?.otplen ?? 6, 'otplen', 6, 10);
  const timeStep =
    tokentype === 'totp'
      ? parseInteger(presentParam(params, 'timeStep'), existing === undefined ? 30 : tokenTimeStep(existing), 'timeStep', 1, 86400)
      : 30;
  if (otpkey !== undefined && !/^(?:[0-9a-fA-F]{2})+$/.test(otpkey)) {
    // Not recorded; privacyIDEA fails while decoding the seed. The simulator names the problem instead.
    throw privacyIdeaErrors.parameter('Parameter otpkey must be a hex string of an even length.');
  }
  return { otpkeyHex: otpkey === undefined ? generateOtpKeyHex(hashlib) : otpkey.toLowerCase(), otplen, hashlib, timeStep };
}

function parseHashlib(value: string | undefined, fallback: OtpHashlib): OtpHashlib {
  if (value === undefined) return fallback;
  const lower = value.toLowerCase();
  if (!(OTP_HASHLIBS as readonly string[]).includes(lower)) {
    throw privacyIdeaErrors.parameter(`Unsupported hashlib '${value}' (the simulator knows sha1, sha256, sha512).`);
  }
  return lower as OtpHashlib;
}

function parseInteger(value: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (value === undefined) return fallback;
  const parsed = /^\d+$/.test(value.trim()) ? Number.parseInt(value, 10) : Number.NaN;
  if (!(parsed >= min && parsed <= max)) {
    throw privacyIdeaErrors.parameter(`Parameter ${name} must be an integer from ${min} to ${max}.`);
  }
  return parsed;
}
