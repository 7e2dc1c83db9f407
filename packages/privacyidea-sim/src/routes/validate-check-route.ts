import { sortedKeys, successEnvelope } from '../envelope.js';
import { EMAIL_CHALLENGE_MESSAGE, EMAIL_VALID_SECONDS, newTransactionId, pythonLocalDateTime, sendEmailOtp } from '../token-types/email-token.js';
import { privacyIdeaErrors } from '../privacyidea-error.js';
import type { PythonJson } from '../python-json.js';
import { ok, presentParam, type PrivacyIdeaResponse, type RouteHandler } from '../request-context.js';
import { lastAuthUtc } from '../token-dates.js';
import { checkOtp, isPreviousOtp } from '../token-otp.js';
import type { SimulatorRealm } from '../simulator-config.js';
import type { SimulatorState } from '../simulator-state.js';
import type { TokenRecord } from '../token-store.js';
import { passkeyCheck } from './validate-fido2-routes.js';

export const PASS_ON_NO_TOKEN_POLICY = 'pol-passonnotoken';

/** Token types that answer their PIN with a challenge (here: email). */
const CHALLENGE_RESPONSE_TYPES: ReadonlySet<string> = new Set(['email']);

/**
 * `POST /validate/check` (no auth): privacyIDEA's check_token_list for the tokens of `serial` or of `user`.
 * HTTP 200 with `value` true/false for every known user or serial; `id` 2 (recorded §6, §7).
 *
 * Per token, `pass` = PIN + OTP (the last `otplen` characters are the OTP, the PIN is empty by default):
 * - PIN wrong (e.g. `anything`, longer than the OTP) → "wrong otp pin", failcount +1 — also on disabled tokens.
 * - PIN right, OTP wrong → "wrong otp value" (". previous otp used again" for a replay), failcount +1.
 * - OTP right → its step is consumed (quirk 1), then the token is rejected if disabled, failcount ≥ maxfail or
 *   still in rollout_state `verify`; otherwise ACCEPT, failcount 0, `last_auth` set.
 * 3.13+ first drop the tokens that fail `check_all` (disabled, failcount exceeded, not yet enrolled): their codes
 * are not looked at, nothing is consumed or counted, and if no token is left the answer is just their messages
 * (recorded-api-3.13 §2; lib/token.py check_token_list).
 */
export const validateCheckRoute: RouteHandler = (ctx) => {
  const { params, state, nowMs } = ctx;
  // Passkey/FIDO2: the credential id names the token and its owner (api/validate.py `check`).
  const credentialId = presentParam(params, 'credential_id') ?? presentParam(params, 'credentialid');
  if (credentialId !== undefined) return passkeyCheck(ctx, credentialId);
  const serial = presentParam(params, 'serial');
  const userParam = presentParam(params, 'user');
  if (serial === undefined && userParam === undefined) {
    throw privacyIdeaErrors.parameter('You need to specify a serial, user or credential_id.');
  }
  // No `pass` at all crashes privacyIDEA 3.11 (recorded j14): reproduced. 3.13 treats it as empty (E3).
  const pass = params['pass'] ?? (state.profile.validateWithoutPass ? '' : undefined);
  if (pass === undefined) throw privacyIdeaErrors.internalServerError();

  let tokens: TokenRecord[];
  if (serial !== undefined) {
    const token = state.tokens.find(serial);
    if (token === undefined) throw privacyIdeaErrors.tokenNotFound();
    tokens = [token];
  } else {
    const login = userParam ?? '';
    const realmParam = presentParam(params, 'realm');
    const resolved = state.users.resolve(login, realmParam);
    if (resolved === undefined) {
      if (!state.profile.userDoesNotExistMessage) throw privacyIdeaErrors.userNotFound();
      // policydecorators.auth_user_does_not_exist: `User {user_object} does not exist.` (E1).
      throw privacyIdeaErrors.userDoesNotExist(`${login}@${realmParam ?? state.users.defaultRealm().name}`);
    }
    tokens = state.tokens.ofUser(resolved.user.username, resolved.realm.name);
    if (countedForPassOnNoToken(state, resolved.realm, tokens) === 0) {
      // passOnNoToken counts tokens in any state: a disabled or unverified token means no pass (recorded h4, h6).
      return state.users.policiesOf(resolved.realm).passOnNoToken
        ? answer(true, nowMs, { message: `user has no token, accepted due to '${PASS_ON_NO_TOKEN_POLICY}'` })
        : answer(false, nowMs, { message: 'The user has no tokens assigned' });
    }
  }
  // PasskeyTokenClass.use_for_authentication is is_active(): an unfinished (clientwait, inactive) passkey is dropped
  // here, yet it counted for passOnNoToken above, so its owner gets "No suitable token" (recorded W9, W9b).
  tokens = tokens.filter((token) => token.tokentype !== 'passkey' || token.active);
  if (tokens.length === 0) return answer(false, nowMs, { message: 'No suitable token found for authentication.' });
  const sorted = tokens.sort((a, b) => a.id - b.id);
  const transactionId = presentParam(params, 'transaction_id');
  if (transactionId !== undefined) return checkChallengeResponse(state, sorted, transactionId, pass, nowMs);
  if (!state.profile.skipUnusableTokens) return checkTokenList(state, sorted, pass, nowMs);
  const unusable = new Set<string>();
  const usable = sorted.filter((token) => {
    const reason = unusableReason(token);
    if (reason !== undefined) unusable.add(reason);
    return reason === undefined;
  });
  // `elif messages: reply_dict["message"] = ", ".join(set(messages))`: only when no token was evaluated.
  if (usable.length === 0) return answer(false, nowMs, { message: [...unusable].join(', ') });
  return checkTokenList(state, usable, pass, nowMs);
};

/**
 * The answer to a challenge (`transaction_id` + the mailed code, recorded M8, M9, M9b): the user's tokens that have
 * a live challenge of this transaction check the code. A match ends the challenge (ACCEPT "Found matching
 * challenge"); a wrong code keeps it (REJECT "Response did not match the challenge.", failcount +1). No live
 * challenge (used, expired, unknown): the pass is taken as PIN + OTP of no token, "wrong otp pin".
 */
function checkChallengeResponse(state: SimulatorState, tokens: TokenRecord[], transactionId: string, pass: string, nowMs: number): PrivacyIdeaResponse {
  const live = (state.challenges.get(transactionId) ?? []).filter((challenge) => challenge.validUntilMs > nowMs);
  const challenged = tokens.filter((token) => live.some((challenge) => challenge.serial === token.serial));
  if (challenged.length === 0) {
    for (const token of tokens) incrementFailcount(token);
    return answer(false, nowMs, { message: 'wrong otp pin' });
  }
  for (const token of challenged) {
    token.info['count_auth'] = String(Number.parseInt(token.info['count_auth'] ?? '0', 10) + 1);
    const { pin, otp } = splitPinOtp(pass, token.otplen);
    if (pin === token.pin && checkOtp(token, otp, nowMs) >= 0) {
      state.challenges.delete(transactionId);
      token.failcount = 0;
      token.info['count_auth_success'] = String(Number.parseInt(token.info['count_auth_success'] ?? '0', 10) + 1);
      token.info['last_auth'] = lastAuthUtc(nowMs);
      return answer(true, nowMs, { message: 'Found matching challenge', serial: token.serial });
    }
  }
  for (const token of challenged) incrementFailcount(token);
  const [first] = challenged;
  return answer(false, nowMs, { message: 'Response did not match the challenge.', ...(challenged.length === 1 && first !== undefined ? { serial: first.serial, type: first.tokentype } : {}) });
}

/**
 * `pass` = the PIN of challenge-response tokens (email) and no token matched: a challenge for each of them
 * (`create_challenges_from_tokens`). An email token sends its code (`create_challenge`); one that is not yet enrolled,
 * disabled or locked gets none and says why (recorded M14); a failed send says so and makes no challenge (M16).
 * CHALLENGE when at least one challenge was made (M7), else REJECT with the messages.
 */
function triggerChallenges(state: SimulatorState, tokens: TokenRecord[], nowMs: number): PrivacyIdeaResponse {
  const transactionId = newTransactionId();
  const validUntil = pythonLocalDateTime(nowMs + EMAIL_VALID_SECONDS * 1000);
  const messages: string[] = [];
  const made: TokenRecord[] = [];
  for (const token of tokens) {
    const reason = unusableReason(token);
    if (reason !== undefined) {
      messages.push(reason);
      continue;
    }
    const { sent, message } = sendEmailOtp(state, token, nowMs);
    messages.push(message);
    if (sent) made.push(token);
  }
  if (made.length === 0) {
    const message = [...new Set(messages)].join(', ');
    return answer(false, nowMs, { message, messages: [...new Set(messages)], multi_challenge: [], transaction_ids: [] });
  }
  state.challenges.set(transactionId, made.map((token) => ({ transactionId, serial: token.serial, validUntilMs: nowMs + EMAIL_VALID_SECONDS * 1000 })));
  const attributes = { state: null, valid_until: validUntil };
  const multiChallenge = made.map((token) =>
    sortedKeys({ attributes, client_mode: 'interactive', message: EMAIL_CHALLENGE_MESSAGE, serial: token.serial, transaction_id: transactionId, type: token.tokentype }),
  );
  const [first] = made as [TokenRecord, ...TokenRecord[]];
  const detail: { [key: string]: PythonJson } = {
    attributes,
    client_mode: 'interactive',
    message: EMAIL_CHALLENGE_MESSAGE,
    messages: [EMAIL_CHALLENGE_MESSAGE],
    multi_challenge: multiChallenge,
    serial: first.serial,
    transaction_id: transactionId,
    transaction_ids: [transactionId],
    type: first.tokentype,
  };
  // `preferred_client_mode` is added after jsonify sorted the rest: it comes last (recorded M7).
  return ok(successEnvelope(false, nowMs, { id: 2, authentication: 'CHALLENGE', detail, detailAfterSorted: { preferred_client_mode: 'interactive' } }));
}

/**
 * 3.14 `passonnotoken_ignore_rollout_state` (lib/policydecorators.py auth_user_has_no_token →
 * `_get_token_count_excluding_rollout_states`): tokens in the listed states do not count. Before 3.14 every token
 * counts.
 */
function countedForPassOnNoToken(state: SimulatorState, realm: SimulatorRealm, tokens: TokenRecord[]): number {
  const ignored = state.profile.passOnNoTokenIgnoreRolloutState ? (state.users.policiesOf(realm).passOnNoTokenIgnoreRolloutState ?? []) : [];
  return tokens.filter((token) => !ignored.includes(token.rolloutState)).length;
}

/** `TokenClass.check_all` in its order (the auth counter and validity period are not modelled). */
function unusableReason(token: TokenRecord): string | undefined {
  if (!token.active) return 'Token is disabled';
  if (token.failcount >= token.maxfail) return 'Failcounter exceeded';
  if (token.rolloutState === 'verify' || token.rolloutState === 'clientwait') return 'Token is not yet enrolled';
  return undefined;
}

function checkTokenList(state: SimulatorState, tokens: TokenRecord[], pass: string, nowMs: number): PrivacyIdeaResponse {
  const valid: TokenRecord[] = [];
  const pinMatching: TokenRecord[] = [];
  const invalid: TokenRecord[] = [];
  for (const token of tokens) {
    token.info['count_auth'] = String(Number.parseInt(token.info['count_auth'] ?? '0', 10) + 1);
    const { pin, otp } = splitPinOtp(pass, token.otplen);
    // A passkey answers only its challenge; PasskeyTokenClass.authenticate without assertion data: "wrong otp value".
    if (token.tokentype === 'passkey') pinMatching.push(token);
    else if (pin !== token.pin) invalid.push(token);
    else if (checkOtp(token, otp, nowMs) >= 0) valid.push(token);
    else pinMatching.push(token);
  }

  if (valid.length > 0) {
    const messages = [`matching ${valid.length} tokens`];
    let accepted = false;
    for (const token of valid) {
      if (!token.active) messages.push('Token is disabled');
      else if (token.failcount >= token.maxfail) messages.push('Failcounter exceeded');
      else if (token.rolloutState === 'verify') messages.push('Token is not yet enrolled');
      else {
        accepted = true;
        token.failcount = 0;
        token.info['count_auth_success'] = String(Number.parseInt(token.info['count_auth_success'] ?? '0', 10) + 1);
        token.info['last_auth'] = lastAuthUtc(nowMs);
      }
    }
    return answer(accepted, nowMs, { message: messages.join(', '), ...onlyToken(valid) });
  }
  // The PIN alone of a challenge-response token asks for a challenge (is_challenge_request), not a failure.
  const challengeTokens = tokens.filter((token) => CHALLENGE_RESPONSE_TYPES.has(token.tokentype) && pass === token.pin);
  if (challengeTokens.length > 0) return triggerChallenges(state, challengeTokens, nowMs);
  if (pinMatching.length > 0) {
    let message = 'wrong otp value';
    for (const token of pinMatching) incrementFailcount(token);
    if (pinMatching.some((token) => token.tokentype !== 'passkey' && isPreviousOtp(token, splitPinOtp(pass, token.otplen).otp, nowMs))) {
      message += '. previous otp used again';
    }
    return answer(false, nowMs, { message, ...onlyToken(pinMatching) });
  }
  for (const token of invalid) incrementFailcount(token);
  return answer(false, nowMs, { message: 'wrong otp pin' });
}

/** Python `pass[:-otplen]`, `pass[-otplen:]`: a pass no longer than the OTP has an empty PIN. */
function splitPinOtp(pass: string, otplen: number): { pin: string; otp: string } {
  const cut = Math.max(0, pass.length - otplen);
  return { pin: pass.slice(0, cut), otp: pass.slice(cut) };
}

/** privacyIDEA stops counting at maxfail. */
function incrementFailcount(token: TokenRecord): void {
  // PasskeyTokenClass.inc_failcount does nothing.
  if (token.tokentype !== 'passkey' && token.failcount < token.maxfail) token.failcount += 1;
}

/** serial/type/otplen appear only when exactly one token is meant. */
function onlyToken(tokens: TokenRecord[]): { [key: string]: PythonJson } {
  const [token] = tokens;
  if (tokens.length !== 1 || token === undefined) return {};
  return { otplen: token.otplen, serial: token.serial, type: token.tokentype };
}

function answer(accepted: boolean, nowMs: number, detail: { [key: string]: PythonJson }): PrivacyIdeaResponse {
  return ok(successEnvelope(accepted, nowMs, { id: 2, authentication: accepted ? 'ACCEPT' : 'REJECT', detail }));
}
