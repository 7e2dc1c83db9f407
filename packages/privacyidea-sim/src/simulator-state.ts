import type { AdminScopePolicy } from './admin-policies.js';
import type { Clock } from './clock.js';
import type { Fido2Policy, HardeningPolicies, SimulatorConfig } from './simulator-config.js';
import { ChallengeStore } from './challenges.js';
import { MailOutbox } from './mail-outbox.js';
import type { EmailChallenge } from './token-types/email-token.js';
import { TokenStore } from './token-store.js';
import { UserDirectory } from './user-directory.js';
import { versionProfile, type VersionProfile } from './version-profiles.js';

/**
 * Everything the privacyIDEA handlers read and change: config (policies can change at run time), the version
 * profile, users, tokens.
 */
export class SimulatorState {
  readonly users: UserDirectory;
  readonly tokens = new TokenStore();
  /** The SMTP sink the email token sends through. */
  readonly outbox = new MailOutbox();
  /** Open challenges of challenge-response tokens (email), by transaction id. */
  readonly challenges = new Map<string, EmailChallenge[]>();
  /** FIDO2 (passkey) challenges: registration ones bound to a token, login ones to none. */
  readonly fido2Challenges = new ChallengeStore();
  /** The user attribute `fido2_user_id` (base64url), keyed `realm/username`; it outlives the user's tokens (more §End). */
  readonly fido2UserIds = new Map<string, string>();
  readonly profile: VersionProfile;

  constructor(
    readonly config: SimulatorConfig,
    readonly clock: Clock,
    readonly jwtSecret: string,
  ) {
    this.users = new UserDirectory(config);
    this.profile = versionProfile(config.version);
  }

  adminPolicies(): readonly AdminScopePolicy[] {
    return this.config.adminPolicies ?? [];
  }

  /** Hardening policies take effect only in a profile that has them. */
  hardening(): Required<HardeningPolicies> {
    return {
      hideAuthErrorStatus: this.profile.hideAuthErrorStatus && this.config.hardening?.hideAuthErrorStatus === true,
      hideSpecificErrorMessage: this.profile.hideSpecificErrorMessage && this.config.hardening?.hideSpecificErrorMessage === true,
    };
  }

  /** The relying-party policy that matches a user of `realm`, or with `realm` undefined the no-user lookup. */
  fido2Policy(realm: string | undefined): Fido2Policy | undefined {
    const policy = this.config.fido2;
    if (policy === undefined) return undefined;
    const bound = policy.realm ?? '';
    if (bound === '') return policy;
    return realm !== undefined && bound.toLowerCase() === realm.toLowerCase() ? policy : undefined;
  }

  /** rollout_state of a token that is usable without verification: `""` before 3.14, `enrolled` since (#5070). */
  finishedRolloutState(): string {
    return this.profile.finishedRolloutState;
  }
}
