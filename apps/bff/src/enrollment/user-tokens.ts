import type { PiToken } from '../privacyidea/pi-envelope.js';
import type { EnrollmentSerials } from './enrollment-serial.js';

/**
 * The rollout states in which privacyIDEA holds a token that its owner has not finished: `verify` waits for the
 * first code (verify_enrollment), `clientwait` for a client's second step (passkeys, WebAuthn). privacyIDEA counts
 * such tokens under passOnNoToken all the same, which is why pi-enroll keeps them as short-lived as it can.
 */
const UNFINISHED_ROLLOUT_STATES = new Set(['verify', 'clientwait']);

export function isUnfinished(token: PiToken): boolean {
  return UNFINISHED_ROLLOUT_STATES.has(token.rollout_state);
}

/** A token an enrollment of ours created and did not finish: the only kind pi-enroll ever deletes by itself. */
export function isOurUnfinished(token: PiToken, serials: EnrollmentSerials): boolean {
  return isUnfinished(token) && serials.parse(token.serial) !== undefined;
}

/** Counts as "has MFA" for the already-enrolled rule: active and finished. */
export function isUsableToken(token: PiToken): boolean {
  return token.active && !isUnfinished(token);
}

/** Whether the token belongs to the user; privacyIDEA matches user names case-insensitively. */
export function isOwnedBy(token: PiToken, user: { username: string; realm: string | undefined }): boolean {
  return token.username.toLowerCase() === user.username.toLowerCase() && (user.realm === undefined || token.user_realm.toLowerCase() === user.realm.toLowerCase());
}
