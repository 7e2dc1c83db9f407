import type { PiInitDetail } from '../../privacyidea/pi-envelope.js';
import { PrivacyIdeaProtocolError } from '../../privacyidea/pi-errors.js';
import type { PrivacyIdeaClient } from '../../privacyidea/privacyidea-client.js';

/**
 * What privacyIDEA's email token says when sending raised (lib/tokens/emailtoken.py `create_challenge`; recorded
 * recorded-api-more.md §3.7 M13): the init still answers 200, with this as `verify.message`.
 */
export const EMAIL_NOT_SENT_MESSAGE = 'The PIN was correct, but the EMail could not be sent!';

export interface EmailInitResult {
  serial: string;
  rolloutState: string;
  /** `detail.verify.message`: the challenge text when the mail went out, EMAIL_NOT_SENT_MESSAGE when not. */
  verifyMessage: string | undefined;
}

/** Whether privacyIDEA's init answer says the mail with the code went out. */
export function mailWasSent(init: EmailInitResult): boolean {
  return init.verifyMessage !== undefined && !/could not be sent/i.test(init.verifyMessage);
}

/**
 * The address privacyIDEA will mail: the user store's `email` (GET /user/, recorded Appendix A). Read first so a
 * user without one gets a clear answer before anything is created, and for the masked address on the screen.
 */
export async function userEmailAddress(pi: PrivacyIdeaClient, user: { username: string; realm: string | undefined }, requestId?: string): Promise<string | undefined> {
  const query: Record<string, string> = { username: user.username };
  if (user.realm !== undefined) query.realm = user.realm;
  const envelope = await pi.adminCall({ method: 'GET', path: '/user/', query, requestId });
  const users = envelope.result.status ? (envelope.result.value as { username?: unknown; email?: unknown }[] | null) : null;
  const match = (users ?? []).find((entry) => typeof entry.username === 'string' && entry.username.toLowerCase() === user.username.toLowerCase());
  return typeof match?.email === 'string' && match.email.includes('@') ? match.email : undefined;
}

/**
 * /token/init for an email token whose address privacyIDEA takes from the user store at each send
 * (`dynamic_email=1`, recorded M4): never an address from a request. With verify_enrollment naming `email`,
 * privacyIDEA mails the code during this call.
 */
export async function initEmail(
  pi: PrivacyIdeaClient,
  init: { serial: string; user: { username: string; realm: string | undefined }; description: string },
  requestId?: string,
): Promise<EmailInitResult> {
  const form: Record<string, string> = { type: 'email', dynamic_email: '1', serial: init.serial, user: init.user.username, description: init.description };
  if (init.user.realm !== undefined) form.realm = init.user.realm;
  const envelope = await pi.adminCall({ method: 'POST', path: '/token/init', form, requestId });
  const detail = envelope.detail as PiInitDetail | null | undefined;
  if (detail?.serial === undefined) throw new PrivacyIdeaProtocolError('POST /token/init', 200, 'no serial in detail');
  return { serial: detail.serial, rolloutState: detail.rollout_state ?? '', verifyMessage: detail.verify?.message };
}

/** Step 2: the mailed code (recorded M5 wrong → 400/905, M6 right → `enrolled`). */
export async function sendEmailVerifyStep(pi: PrivacyIdeaClient, serial: string, code: string, requestId?: string): Promise<string> {
  if (code.length === 0) throw new Error('the verify step needs a code');
  const envelope = await pi.adminCall({ method: 'POST', path: '/token/init', form: { serial, type: 'email', verify: code }, requestId });
  return (envelope.detail as PiInitDetail | null | undefined)?.rollout_state ?? '';
}
