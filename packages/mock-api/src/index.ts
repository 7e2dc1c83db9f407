// The package's public entry: msw handlers and a stateful fake of the BFF, for tests and for `dev:mock`.
export { createMockApi, type MockApi, type MockApiOptions } from './handlers.js';
export { ContractViolation } from './contract-check.js';
export {
  JourneyFailure,
  runEnrollmentJourney,
  type EnrollmentJourneyApi,
  type JourneyRequest,
  type JourneyStep,
} from './enrollment-journey.js';
export {
  FakeBff,
  FakeProblem,
  MOCK_CORRECT_CODE,
  MOCK_EMAIL_CODE,
  MOCK_RESEND_COOLDOWN_SECONDS,
  MOCK_LAUNCH_TOKEN,
  MOCK_PASSWORD,
  MOCK_STEP_UP_SECONDS,
  MOCK_USER,
  mockCorrectCode,
} from './fake-bff.js';
export { problemBody, problemResponse, type ProblemExtras } from './problem-response.js';
export {
  defaultClientConfig,
  defaultSwitches,
  isMockScenarioName,
  mockScenarios,
  type MockScenario,
  type MockScenarioName,
  type MockSwitches,
} from './scenarios.js';
export { totp, isCurrentTotp, type TotpParameters } from './totp.js';
export { decodeBase32, encodeBase32 } from './base32.js';
