import { isAdjustableClock, type Clock } from './clock.js';
import { validateFaultRule, type FaultRule } from './faults.js';
import type { AdminScopePolicy } from './admin-policies.js';
import type { PresetChallenge } from './challenges.js';
import type { Fido2Policy, HardeningPolicies, RealmPolicies } from './simulator-config.js';
import { readRolloutStates, readTokenTypes } from './simulator-config.js';
import type { SentMail } from './mail-outbox.js';
import type { SimToken } from './token-store.js';
import type { VersionProfile } from './version-profiles.js';

export const CONTROL_PREFIX = '/_sim/';

/** What the control API can do; implemented by the running simulator. */
export interface SimulatorControls {
  clock: Clock;
  tokens(): SimToken[];
  tokensOf(username: string, realm?: string): SimToken[];
  clearTokens(): void;
  currentOtp(serial: string, options?: { offsetSteps?: number }): string;
  setPolicies(policies: Partial<RealmPolicies>, realm?: string): void;
  policies(realm?: string): RealmPolicies;
  /** The version profile the simulator was started with (fixed for its lifetime). */
  version(): VersionProfile;
  /** Replaces all admin-scope policies; `[]` = none (the state in which 3.13 forces server keys). */
  setAdminPolicies(policies: AdminScopePolicy[]): void;
  adminPolicies(): AdminScopePolicy[];
  setHardening(hardening: Partial<HardeningPolicies>): void;
  hardening(): HardeningPolicies;
  /** Sets or (undefined) removes the relying-party policy (recorded W1; without it passkey init answers W0). */
  setFido2Policy(policy: Fido2Policy | undefined): void;
  fido2Policy(): Fido2Policy | undefined;
  /** Fixes the nonce and transaction id of the next FIDO2 challenge (replaying a recorded browser answer). */
  presetFido2Challenge(challenge: PresetChallenge): void;
  injectFault(rule: FaultRule): void;
  clearFaults(): void;
  faults(): FaultRule[];
  requestCounts(): Record<string, number>;
  resetRequestCounts(): void;
  /** The mails the email token sent, optionally of one user. */
  outbox(filter?: { username?: string; realm?: string }): SentMail[];
  clearOutbox(): void;
  /** The SMTP fault switch: down makes every send fail (privacyIDEA still answers 200, recorded §3.7). */
  setSmtpDown(down: boolean): void;
  smtpDown(): boolean;
}

export interface ControlResponse {
  status: number;
  body: unknown;
}

/**
 * The simulator's own test hooks under `/_sim/` (only with `control: true`): plain JSON, never part of the
 * privacyIDEA surface, never counted and never subject to faults.
 */
export function handleControlRequest(
  controls: SimulatorControls,
  method: string,
  url: URL,
  body: unknown,
): ControlResponse {
  const route = `${method} ${url.pathname.slice(CONTROL_PREFIX.length - 1)}`;
  const input = (body ?? {}) as Record<string, unknown>;
  try {
    switch (route) {
      case 'GET /clock':
        return { status: 200, body: { now: controls.clock.now() } };
      case 'POST /clock/advance':
      case 'POST /clock/set': {
        const ms = input['ms'];
        if (typeof ms !== 'number' || !Number.isFinite(ms)) return badRequest('expected {"ms": <number>}');
        if (!isAdjustableClock(controls.clock)) return { status: 409, body: { error: 'this simulator runs on a clock that cannot be moved' } };
        if (route === 'POST /clock/advance') controls.clock.advance(ms);
        else controls.clock.set(ms);
        return { status: 200, body: { now: controls.clock.now() } };
      }
      case 'GET /tokens': {
        const user = url.searchParams.get('user');
        const tokens = user === null ? controls.tokens() : controls.tokensOf(user, url.searchParams.get('realm') ?? undefined);
        return { status: 200, body: { tokens } };
      }
      case 'DELETE /tokens':
        controls.clearTokens();
        return { status: 200, body: { tokens: [] } };
      case 'GET /faults':
        return { status: 200, body: { faults: controls.faults() } };
      case 'POST /faults':
        validateFaultRule(body);
        controls.injectFault(body);
        return { status: 201, body: { faults: controls.faults() } };
      case 'DELETE /faults':
        controls.clearFaults();
        return { status: 200, body: { faults: [] } };
      case 'GET /requests':
        return { status: 200, body: { counts: controls.requestCounts() } };
      case 'DELETE /requests':
        controls.resetRequestCounts();
        return { status: 200, body: { counts: {} } };
      case 'GET /policies': {
        const realm = url.searchParams.get('realm') ?? undefined;
        return { status: 200, body: { policies: controls.policies(realm) } };
      }
      case 'POST /policies': {
        const realm = typeof input['realm'] === 'string' ? input['realm'] : undefined;
        const policies: Partial<RealmPolicies> = {};
        for (const key of ['verifyEnrollment', 'passOnNoToken'] as const) {
          const value = input[key];
          if (value === undefined) continue;
          if (typeof value !== 'boolean') return badRequest(`${key} must be true or false`);
          policies[key] = value;
        }
        if (input['verifyEnrollmentTypes'] !== undefined) {
          policies.verifyEnrollmentTypes = readTokenTypes(input['verifyEnrollmentTypes'], 'verifyEnrollmentTypes', (path, problem) => {
            throw new Error(`${path}: ${problem}`);
          });
        }
        if (input['passOnNoTokenIgnoreRolloutState'] !== undefined) {
          policies.passOnNoTokenIgnoreRolloutState = readRolloutStates(input['passOnNoTokenIgnoreRolloutState'], 'passOnNoTokenIgnoreRolloutState', (path, problem) => {
            throw new Error(`${path}: ${problem}`);
          });
        }
        controls.setPolicies(policies, realm);
        return { status: 200, body: { policies: controls.policies(realm) } };
      }
      case 'GET /version': {
        const { version, versionnumber } = controls.version();
        return { status: 200, body: { version, versionnumber, profile: controls.version() } };
      }
      case 'GET /admin-policies':
        return { status: 200, body: { policies: controls.adminPolicies() } };
      case 'POST /admin-policies':
        if (!Array.isArray(input['policies'])) return badRequest('expected {"policies": [{name, realm?, actions}, …]}');
        controls.setAdminPolicies(input['policies'] as AdminScopePolicy[]);
        return { status: 200, body: { policies: controls.adminPolicies() } };
      case 'DELETE /admin-policies':
        controls.setAdminPolicies([]);
        return { status: 200, body: { policies: [] } };
      case 'GET /outbox': {
        const user = url.searchParams.get('user') ?? undefined;
        const realm = url.searchParams.get('realm') ?? undefined;
        return { status: 200, body: { mails: controls.outbox({ ...(user !== undefined ? { username: user } : {}), ...(realm !== undefined ? { realm } : {}) }) } };
      }
      case 'DELETE /outbox':
        controls.clearOutbox();
        return { status: 200, body: { mails: [] } };
      case 'GET /smtp':
        return { status: 200, body: { down: controls.smtpDown() } };
      case 'POST /smtp':
        if (typeof input['down'] !== 'boolean') return badRequest('expected {"down": true|false}');
        controls.setSmtpDown(input['down']);
        return { status: 200, body: { down: controls.smtpDown() } };
      case 'GET /hardening':
        return { status: 200, body: { hardening: controls.hardening() } };
      case 'POST /hardening':
        controls.setHardening(input);
        return { status: 200, body: { hardening: controls.hardening() } };
      case 'GET /fido2-policy':
        return { status: 200, body: { policy: controls.fido2Policy() ?? null } };
      case 'POST /fido2-policy':
        controls.setFido2Policy(input as unknown as Fido2Policy);
        return { status: 200, body: { policy: controls.fido2Policy() ?? null } };
      case 'DELETE /fido2-policy':
        controls.setFido2Policy(undefined);
        return { status: 200, body: { policy: null } };
      default:
        break;
    }
    const otpMatch = /^GET \/otp\/([^/]+)$/.exec(route);
    if (otpMatch?.[1] !== undefined) {
      const offset = Number(url.searchParams.get('offsetSteps') ?? '0');
      if (!Number.isInteger(offset)) return badRequest('offsetSteps must be an integer');
      const serial = decodeURIComponent(otpMatch[1]);
      return { status: 200, body: { serial, otp: controls.currentOtp(serial, { offsetSteps: offset }) } };
    }
    return { status: 404, body: { error: `no control endpoint ${route}` } };
  } catch (error) {
    return badRequest((error as Error).message);
  }
}

function badRequest(message: string): ControlResponse {
  return { status: 400, body: { error: message } };
}
