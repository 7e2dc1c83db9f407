/**
 * The privacyIDEA versions the simulator can speak, and what differs between them. 3.11 is the recorded core
 * (recorded-api.md, recorded-api-more.md), 3.13 a recorded 3.13.3 (recorded-api-3.13.md), 3.14 privacyIDEA's
 * source on master (3.14dev). The README's "Version profiles" table names the source of every switch.
 */
export const PRIVACYIDEA_VERSIONS = ['3.11', '3.13', '3.14'] as const;

export type PrivacyIdeaVersion = (typeof PRIVACYIDEA_VERSIONS)[number];

export const DEFAULT_VERSION: PrivacyIdeaVersion = '3.11';

/**
 * When `/token/init` replaces a client-supplied `otpkey` by a server key (`<type>_force_server_generate`):
 * - `never`: 3.11 has no such server-side policy (recorded-api-more.md §1.7).
 * - `allowed`: 3.12/3.13 `prepolicy.force_server_generate_key` uses `Match.allowed()`, which is true when a
 *   matching admin policy grants the action *or no admin-scope policy exists at all* (recorded R7).
 * - `enforced`: 3.14 uses `Match.enforced()`: only a matching policy that grants the action forces it (#5570).
 */
export type ForceServerGenerateRule = 'never' | 'allowed' | 'enforced';

export interface VersionProfile {
  version: PrivacyIdeaVersion;
  /** The envelope's `versionnumber`, and `version` = `privacyIDEA <versionnumber>`. */
  versionnumber: string;
  /** 3.13+: every envelope key sorted, `signature` included (recorded-api-3.13 §0). 3.11: `signature` last. */
  sortedEnvelopeKeys: boolean;
  /** 3.11: `GET /token/` has `current`; 3.13 does not (§1.6). */
  tokenListCurrent: boolean;
  /** 3.13+: init of a token in `verify` without `verify=` is 400/905 (prepolicy.verify_enrollment, R3). */
  refuseReinitInVerify: boolean;
  /**
   * 3.13+: /validate/check skips tokens that fail `check_all` (disabled, failcount exceeded, not yet enrolled) before
   * looking at the code: no code consumed, no failcount change (recorded §2; lib/token.py check_token_list).
   */
  skipUnusableTokens: boolean;
  /** 3.13+: `ERR904: User <login@realm> does not exist.` at /validate/check (E1). */
  userDoesNotExistMessage: boolean;
  /** 3.13+: /token/init without genkey and otpkey generates a key (hotptoken.update: `force_genkey or not otp_key`). */
  generateKeyWithoutOtpkey: boolean;
  /** 3.13+: /validate/check without `pass` is an ordinary check (E3); 3.11 answers 500 (j14). */
  validateWithoutPass: boolean;
  forceServerGenerate: ForceServerGenerateRule;
  /** 3.14: a token that finished its enrollment has rollout_state `enrolled` instead of `""` (#5070). */
  finishedRolloutState: '' | 'enrolled';
  /** 3.14: the authentication action `passonnotoken_ignore_rollout_state` exists (lib/policydecorators.py). */
  passOnNoTokenIgnoreRolloutState: boolean;
  /** 3.14: the hardening action `hide_auth_error_status` exists (api/lib/utils.py get_auth_error_status_code). */
  hideAuthErrorStatus: boolean;
  /**
   * 3.13+: the authentication action `hide_specific_error_message` exists (api/lib/postpolicy.py
   * `hide_specific_error_message` for rejected checks, api/before_after.py `auth_error` for errors).
   */
  hideSpecificErrorMessage: boolean;
}

const PROFILE_3_11: VersionProfile = {
  version: '3.11',
  versionnumber: '3.11.4',
  sortedEnvelopeKeys: false,
  tokenListCurrent: true,
  refuseReinitInVerify: false,
  skipUnusableTokens: false,
  userDoesNotExistMessage: false,
  generateKeyWithoutOtpkey: false,
  validateWithoutPass: false,
  forceServerGenerate: 'never',
  finishedRolloutState: '',
  passOnNoTokenIgnoreRolloutState: false,
  hideAuthErrorStatus: false,
  hideSpecificErrorMessage: false,
};

const PROFILE_3_13: VersionProfile = {
  version: '3.13',
  versionnumber: '3.13.3',
  sortedEnvelopeKeys: true,
  tokenListCurrent: false,
  refuseReinitInVerify: true,
  skipUnusableTokens: true,
  userDoesNotExistMessage: true,
  generateKeyWithoutOtpkey: true,
  validateWithoutPass: true,
  forceServerGenerate: 'allowed',
  finishedRolloutState: '',
  passOnNoTokenIgnoreRolloutState: false,
  hideAuthErrorStatus: false,
  hideSpecificErrorMessage: true,
};

const PROFILE_3_14: VersionProfile = {
  ...PROFILE_3_13,
  version: '3.14',
  versionnumber: '3.14dev2',
  forceServerGenerate: 'enforced',
  finishedRolloutState: 'enrolled',
  passOnNoTokenIgnoreRolloutState: true,
  hideAuthErrorStatus: true,
};

const PROFILES: Record<PrivacyIdeaVersion, VersionProfile> = { '3.11': PROFILE_3_11, '3.13': PROFILE_3_13, '3.14': PROFILE_3_14 };

export function versionProfile(version: PrivacyIdeaVersion = DEFAULT_VERSION): VersionProfile {
  return PROFILES[version];
}

export function isPrivacyIdeaVersion(value: unknown): value is PrivacyIdeaVersion {
  return typeof value === 'string' && (PRIVACYIDEA_VERSIONS as readonly string[]).includes(value);
}
