import { randomBytes } from 'node:crypto';
import { Secret } from 'otpauth';
import type { MethodContext } from '../../enrollment/enrollment-method.js';
import { PrivacyIdeaError } from '../../privacyidea/pi-errors.js';
import { initTotp, type TotpParameters } from './pi-totp.js';

/** Whose key a new authenticator-app token gets, and with which parameters privacyIDEA will really compute codes. */
export interface KeySource {
  /** `client`: the BFF makes the key and creates the token only after a right code. `server`: privacyIDEA makes it at start. */
  source: 'client' | 'server';
  parameters: TotpParameters;
}

/** How long a probe's answer is reused for a realm: policies change rarely, and a mismatch at confirmation resets it. */
const PROBE_TTL_MS = 10 * 60 * 1000;

/**
 * Finds out, per realm and before any user scans a QR code, whether privacyIDEA keeps a key the BFF supplies.
 * privacyIDEA 3.13's `force_server_generate` prepolicy replaces a supplied key silently when no admin policy
 * forbids it (recorded-api-3.13.md §3), and admin-scope `totp_otplen`/`totp_hashlib`/`totp_timestep` override the
 * parameters sent (recorded-api-more.md §1.6). The probe is the cheapest check that sees both exactly as
 * /token/init will: one token that belongs to no user (so it counts for nobody under passOnNoToken), created with
 * a random key and the realm (so realm-bound admin policies apply) and deleted at once. Two calls per realm
 * every ten minutes; its serial is marked `P`, so the sweeper removes it should the delete fail.
 */
export class KeySourceProbe {
  private readonly known = new Map<string, { answer: KeySource; until: number }>();

  async forRealm(ctx: MethodContext): Promise<KeySource> {
    const { config, clock } = ctx;
    const wanted: TotpParameters = { algorithm: config.otp.algorithm, digits: config.otp.digits, period: config.otp.period };
    if (config.otp.keySource !== 'auto') return { source: config.otp.keySource, parameters: wanted };
    const realm = ctx.user.realm ?? '';
    const cached = this.known.get(realm);
    if (cached !== undefined && cached.until > clock.now()) return cached.answer;
    const answer = await this.probe(ctx, wanted);
    this.known.set(realm, { answer, until: clock.now() + PROBE_TTL_MS });
    if (answer.source === 'server') {
      ctx.log.warn({ realm: ctx.user.realm }, 'privacyIDEA replaces keys supplied by pi-enroll (force_server_generate?): authenticator apps are enrolled with server-made keys, which need the verify_enrollment policy');
    }
    return answer;
  }

  /** After privacyIDEA answered a real enrollment unlike the probe predicted: ask again next time. */
  forget(realm: string | undefined): void {
    this.known.delete(realm ?? '');
  }

  private async probe(ctx: MethodContext, wanted: TotpParameters): Promise<KeySource> {
    const { pi, clock, serials, requestId } = ctx;
    const keyHex = randomBytes(20).toString('hex');
    const serial = serials.serialFor({ kind: 'P', deadlineMs: clock.now() + 60_000, enrollmentId: randomBytes(8).toString('hex').toUpperCase(), attempt: 0 });
    try {
      const init = await initTotp(pi, { serial, realm: ctx.user.realm, parameters: wanted, keyHex }, requestId);
      const keeps = Buffer.from(init.secretBase32).equals(Buffer.from(Secret.fromHex(keyHex).base32));
      return { source: keeps ? 'client' : 'server', parameters: { ...wanted, ...init.parameters } };
    } catch (error) {
      // privacyIDEA refused a token without a user (a policy or a right, a 4xx): the server-made key still works.
      // Anything else (a 500, no answer) says nothing about keys: the start fails and the next one asks again.
      if (error instanceof PrivacyIdeaError && error.httpStatus >= 400 && error.httpStatus < 500) {
        ctx.log.warn({ err: error }, 'privacyIDEA refused the key probe; enrolling authenticator apps with server-made keys');
        return { source: 'server', parameters: wanted };
      }
      throw error;
    } finally {
      await pi.deleteToken(serial, requestId).catch((error: unknown) => {
        ctx.log.warn({ err: error, serial }, 'could not delete the key probe token; the sweeper will');
      });
    }
  }
}
