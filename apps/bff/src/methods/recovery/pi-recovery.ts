import type { PiInitDetail } from '../../privacyidea/pi-envelope.js';
import { PrivacyIdeaProtocolError } from '../../privacyidea/pi-errors.js';
import type { PrivacyIdeaClient } from '../../privacyidea/privacyidea-client.js';

export interface TanInit {
  serial: string;
  user: { username: string; realm: string | undefined };
  description: string;
  /** The codes the user already holds; privacyIDEA stores them hashed, each usable once. */
  codes: readonly string[];
}

export interface TanInitResult {
  serial: string;
  /** "verify" with a verify_enrollment policy naming tan, "" (3.14: "enrolled") without. */
  rolloutState: string;
  /**
   * How many codes privacyIDEA made itself and showed in `detail.otps`: 0 when it took ours (`tans=`, in which
   * case `papertoken_count` is 0). Anything else means our codes are not the token's.
   */
  ownCodes: number;
}

/**
 * /token/init for a `tan` token with the codes given: `tans=<code> <code> …` (privacyIDEA 3.11
 * lib/tokens/tantoken.py `TanTokenClass.update`: whitespace-separated, `otplen` from the first, no codes of its own).
 * The enrollment policy `tantoken_count` only applies when privacyIDEA makes the codes, so it does not matter here.
 */
export async function initTan(pi: PrivacyIdeaClient, init: TanInit, requestId?: string): Promise<TanInitResult> {
  const form: Record<string, string> = {
    type: 'tan',
    serial: init.serial,
    tans: init.codes.join(' '),
    user: init.user.username,
    description: init.description,
  };
  if (init.user.realm !== undefined) form.realm = init.user.realm;
  const envelope = await pi.adminCall({ method: 'POST', path: '/token/init', form, requestId });
  const detail = envelope.detail as (PiInitDetail & { otps?: Record<string, string> }) | null | undefined;
  if (detail?.serial === undefined) throw new PrivacyIdeaProtocolError('POST /token/init', 200, 'no serial in detail');
  return { serial: detail.serial, rolloutState: detail.rollout_state ?? '', ownCodes: Object.keys(detail.otps ?? {}).length };
}

/** Step 2 of verify_enrollment for a tan token: any of its codes, which privacyIDEA then uses up (recorded T2). */
export async function sendTanVerifyStep(pi: PrivacyIdeaClient, serial: string, code: string, requestId?: string): Promise<string> {
  if (code.length === 0) throw new Error('the verify step needs a code');
  const envelope = await pi.adminCall({ method: 'POST', path: '/token/init', form: { serial, type: 'tan', verify: code }, requestId });
  return (envelope.detail as PiInitDetail | null | undefined)?.rollout_state ?? '';
}
