// The package's public entry: a privacyIDEA 3.11 / 3.13 / 3.14 REST API simulator for tests, benchmarks and demos.
export type { AdminPolicyActions, AdminScopePolicy } from './admin-policies.js';
export { ManualClock, SystemClock, type Clock } from './clock.js';
export type { Fault, FaultRule } from './faults.js';
export {
  credentialsOf,
  DEMO_FIDO2_POLICY,
  defaultSimulatorConfig,
  demoCredentials,
  loadSimulatorConfig,
  SimulatorConfigError,
  validateSimulatorConfig,
  type DemoCredentials,
  type Fido2Policy,
  type HardeningPolicies,
  type RealmPolicies,
  type SimulatorAdmin,
  type SimulatorConfig,
  type SimulatorRealm,
  type SimulatorSeedToken,
  type SimulatorUser,
} from './simulator-config.js';
export { startSimulator, type RunningSimulator, type StartSimulatorOptions } from './simulator-server.js';
export type { SimToken } from './token-store.js';
export {
  DEFAULT_VERSION,
  PRIVACYIDEA_VERSIONS,
  versionProfile,
  type ForceServerGenerateRule,
  type PrivacyIdeaVersion,
  type VersionProfile,
} from './version-profiles.js';
export {
  SoftwareAuthenticator,
  type AuthenticationResponseJSON,
  type CeremonyOverrides,
  type CreationOptionsJSON,
  type RegistrationResponseJSON,
  type RequestOptionsJSON,
} from './software-authenticator.js';
