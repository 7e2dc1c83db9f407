import { Secret } from 'otpauth';
import type { OtpAlgorithm, OtpDigits } from '@pi-enroll/shared';
import { parseServerKeyUri } from '@pi-enroll/shared/otpauth-uri';
import type { PiInitDetail } from '../../privacyidea/pi-envelope.js';
import { PrivacyIdeaProtocolError } from '../../privacyidea/pi-errors.js';
import type { PrivacyIdeaClient } from '../../privacyidea/privacyidea-client.js';

/** The parameters of a TOTP key, as the user's app computes codes from it. */
export interface TotpParameters {
  algorithm: OtpAlgorithm;
  digits: OtpDigits;
  period: number;
}

export interface TotpInit {
  serial: string;
  /** A user's token; omitted for a probe, which belongs to nobody. */
  user?: { username: string; realm: string | undefined };
  /** Only the realm, for a probe: admin policies bound to the realm apply as they would to its users. */
  realm?: string | undefined;
  description?: string;
  parameters: TotpParameters;
  /** The key as hex; omitted: privacyIDEA generates one (`genkey=1`). */
  keyHex?: string;
}

export interface TotpInitResult {
  serial: string;
  /** "verify" when the verify_enrollment policy applies; "" (3.14: "enrolled") when the token is live at once. */
  rolloutState: string;
  /** The key privacyIDEA stored, which is what the token's codes come from (a policy may have replaced ours). */
  secretBase32: string;
  /** The parameters privacyIDEA really gave the token (admin policies may override what was sent). */
  parameters: Partial<TotpParameters>;
}

/** /token/init for a TOTP token: the sent parameters, the key or genkey, serial, owner, description. */
export async function initTotp(pi: PrivacyIdeaClient, init: TotpInit, requestId?: string): Promise<TotpInitResult> {
  const form: Record<string, string> = {
    type: 'totp',
    serial: init.serial,
    otplen: String(init.parameters.digits),
    hashlib: init.parameters.algorithm.toLowerCase(),
    timeStep: String(init.parameters.period),
  };
  if (init.keyHex !== undefined) form.otpkey = init.keyHex;
  else form.genkey = '1';
  if (init.user !== undefined) {
    form.user = init.user.username;
    if (init.user.realm !== undefined) form.realm = init.user.realm;
  } else if (init.realm !== undefined) {
    form.realm = init.realm;
  }
  if (init.description !== undefined) form.description = init.description;
  const envelope = await pi.adminCall({ method: 'POST', path: '/token/init', form, requestId });
  const detail = envelope.detail as PiInitDetail | null | undefined;
  const secretBase32 = detail?.otpkey?.value_b32 ?? hexToBase32(detail?.otpkey?.value?.replace(/^seed:\/\//, ''));
  if (detail?.serial === undefined || secretBase32 === undefined) {
    throw new PrivacyIdeaProtocolError('POST /token/init', 200, 'no serial or otpkey in detail');
  }
  const { digits, period, algorithm } = parseServerKeyUri(detail.googleurl?.value);
  return {
    serial: detail.serial,
    rolloutState: detail.rollout_state ?? '',
    secretBase32,
    parameters: {
      ...(digits !== undefined ? { digits: digits as OtpDigits } : {}),
      ...(period !== undefined ? { period } : {}),
      // privacyIDEA leaves `algorithm` out of the URI for SHA1 (recorded-api-more.md Q3 vs P3).
      algorithm: algorithm ?? 'SHA1',
    },
  };
}

/**
 * Step 2 of a verify_enrollment enrollment. Resolves with the new rollout_state; a wrong or reused code rejects
 * with PrivacyIdeaError 905. Callers must know the token exists and is theirs: privacyIDEA answers 200 without
 * checking anything for an enrolled token, and creates a new ownerless token for a serial that no longer exists
 * (recorded-api-3.13.md §5).
 */
export async function sendVerifyStep(pi: PrivacyIdeaClient, serial: string, code: string, requestId?: string): Promise<string> {
  if (code.length === 0) throw new Error('the verify step needs a code: without one privacyIDEA re-keys the token');
  const envelope = await pi.adminCall({ method: 'POST', path: '/token/init', form: { serial, type: 'totp', verify: code }, requestId });
  return (envelope.detail as PiInitDetail | null | undefined)?.rollout_state ?? '';
}

/** Older servers may omit `value_b32`; the hex seed is always there. */
function hexToBase32(hex: string | undefined): string | undefined {
  if (hex === undefined || !/^([0-9a-f]{2})+$/i.test(hex)) return undefined;
  return Secret.fromHex(hex).base32;
}
