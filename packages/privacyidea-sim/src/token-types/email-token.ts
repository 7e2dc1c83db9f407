import { randomInt } from 'node:crypto';
import { MAIL_SENDER } from '../mail-outbox.js';
import type { SimulatorState } from '../simulator-state.js';
import { otpForCounter } from '../token-otp.js';
import type { TokenRecord } from '../token-store.js';

/** `create_challenge`'s default text (`email_challenge_text` policy unset, recorded M4, M7). */
export const EMAIL_CHALLENGE_MESSAGE = 'Enter the OTP from the Email';
/** What `create_challenge` says when sending raised (recorded M13, M16). */
export const EMAIL_NOT_SENT_MESSAGE = 'The PIN was correct, but the EMail could not be sent!';
/** `email.validtime`: how long a challenge lives (default 120 s, recorded M7). */
export const EMAIL_VALID_SECONDS = 120;

/** A challenge of an email token, as privacyIDEA's `Challenge` table holds it. */
export interface EmailChallenge {
  transactionId: string;
  serial: string;
  validUntilMs: number;
}

/**
 * `EmailTokenClass._email_address`: with tokeninfo `dynamic_email` the owner's `email` in the user store at each
 * send, else tokeninfo `email`.
 */
export function emailAddressOf(state: SimulatorState, token: TokenRecord): string | undefined {
  if (token.info['dynamic_email'] === 'True') {
    const owner = token.owner;
    if (owner === undefined) return undefined;
    return state.users.resolve(owner.username, owner.realm)?.user.email || undefined;
  }
  return token.info['email'] || undefined;
}

/**
 * `create_challenge`'s send: the counter is advanced first (`inc_otp_counter`), the mail carries the code of the
 * new counter (`get_otp`), subject `Your OTP`, body the code (defaults of `emailsubject`/`emailtext`). A failed send
 * keeps the advanced counter (recorded M13a) and creates no challenge. Answers the message privacyIDEA shows.
 */
export function sendEmailOtp(state: SimulatorState, token: TokenRecord, nowMs: number): { sent: boolean; message: string } {
  token.count += 1;
  const otp = otpForCounter(token, token.count);
  const to = emailAddressOf(state, token);
  const sent =
    to !== undefined &&
    state.outbox.send({
      to,
      from: MAIL_SENDER,
      subject: 'Your OTP',
      body: otp,
      otp,
      serial: token.serial,
      username: token.owner?.username ?? '',
      realm: token.owner?.realm ?? '',
      sentAt: nowMs,
    });
  return { sent, message: sent ? EMAIL_CHALLENGE_MESSAGE : EMAIL_NOT_SENT_MESSAGE };
}

/** privacyIDEA's transaction ids: 20 decimal digits. */
export function newTransactionId(): string {
  return Array.from({ length: 20 }, () => String(randomInt(10))).join('');
}

/**
 * `valid_until` as `str(datetime.now() + timedelta(...))`: the server's naive local time with microseconds (left
 * out when zero, as Python does). The simulator's server runs in UTC, as the recorded one did.
 */
export function pythonLocalDateTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  const micros = `${iso.slice(20, 23)}000`;
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${micros === '000000' ? '' : `.${micros}`}`;
}
