import {
  ClientConfigSchema,
  EnrollmentConfirmedSchema,
  ProblemSchema,
  SessionSchema,
  TotpEnrollmentSchema,
  type TotpEnrollment,
} from '@pi-enroll/shared';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import { attemptsLeftAfterWrongCode } from '@pi-enroll/shared/pending-enrollment-rules';
import { PROBLEM_CONTENT_TYPE, type ProblemCode } from '@pi-enroll/shared/problem-codes';
import type Type from 'typebox';
import Value from 'typebox/value';

export interface JourneyRequest {
  method?: 'GET' | 'POST' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
}

/**
 * What the journey needs from a BFF, whichever it is: the fake (`createMockApi` under msw) or the real BFF in
 * front of the privacyIDEA simulator. See the README for both adapters.
 */
export interface EnrollmentJourneyApi {
  /** One browser: sends a request for `path` (one of `apiPaths`) with this browser's cookies. */
  fetch(path: string, init?: JourneyRequest): Promise<Response>;
  /** Signs this browser in as a user with no token and no enrollment yet: a different user on every call. */
  signInNewUser(): Promise<void>;
  /** A code the user's authenticator app shows right now for this enrollment. */
  nextCode(enrollment: TotpEnrollment): Promise<string>;
  /** Moves the BFF's clock (and privacyIDEA's, if it has its own) forward. */
  advanceClock(ms: number): Promise<void>;
}

/** One request of the journey and what it was answered, for a report when all went well. */
export interface JourneyStep {
  step: string;
  status: number;
}

/** The BFF answered something the journey did not expect; `step` says where. */
export class JourneyFailure extends Error {
  override name = 'JourneyFailure';
  constructor(
    readonly step: string,
    message: string,
  ) {
    super(`${step}: ${message}`);
  }
}

/** Every digit moved by five: never the right code, nor (in practice) one of its neighbours in time. */
function wrongCodeFor(code: string): string {
  return code.replace(/\d/g, (digit) => String((Number(digit) + 5) % 10));
}

/**
 * The scripted TOTP journey both BFFs must walk alike: start → a wrong code (one attempt less) → reload (the
 * same secret) → the right code (enrolled) → starting again is `already_enrolled` → cancel (204, twice) → a new
 * user's enrollment that expires (410). Every answer is checked against the contract's schemas. Resolves with
 * the steps taken; rejects with a `JourneyFailure` naming the step that went wrong.
 *
 * Assumes the BFF's defaults: at least two attempts, and no second token for an enrolled user.
 */
export async function runEnrollmentJourney(api: EnrollmentJourneyApi): Promise<JourneyStep[]> {
  const steps: JourneyStep[] = [];

  async function expectAnswer<Schema extends Type.TSchema>(
    step: string,
    path: string,
    init: JourneyRequest,
    status: number,
    schema: Schema,
  ): Promise<Type.Static<Schema>> {
    const response = await api.fetch(path, init);
    steps.push({ step, status: response.status });
    const body: unknown = await response.json().catch(() => undefined);
    if (response.status !== status) throw new JourneyFailure(step, `expected ${status}, got ${response.status} ${JSON.stringify(body)}`);
    const contentType = response.headers.get('Content-Type') ?? '';
    if (status >= 400 && !contentType.startsWith(PROBLEM_CONTENT_TYPE)) {
      throw new JourneyFailure(step, `a problem answered as ${contentType}, not ${PROBLEM_CONTENT_TYPE}`);
    }
    if (!Value.Check(schema, body)) {
      throw new JourneyFailure(step, `the answer breaks its schema: ${JSON.stringify([...Value.Errors(schema, body)])}`);
    }
    return body;
  }

  async function expectProblem(step: string, path: string, init: JourneyRequest, status: number, code: ProblemCode) {
    const problem = await expectAnswer(step, path, init, status, ProblemSchema);
    if (problem.code !== code) throw new JourneyFailure(step, `expected the problem ${code}, got ${problem.code}`);
    return problem;
  }

  async function expectNoContent(step: string, path: string, init: JourneyRequest) {
    const response = await api.fetch(path, init);
    steps.push({ step, status: response.status });
    if (response.status !== 204) throw new JourneyFailure(step, `expected 204, got ${response.status}`);
  }

  function expectThat(step: string, holds: boolean, what: string) {
    if (!holds) throw new JourneyFailure(step, what);
  }

  const config = await expectAnswer('read the config', apiPaths.config, {}, 200, ClientConfigSchema);
  expectThat('read the config', config.maxAttempts >= 2, 'the journey needs at least two attempts (maxAttempts)');

  await api.signInNewUser();
  const start = { method: 'POST', body: { type: 'totp', description: 'Journey phone' } } as const;
  const started = await expectAnswer('start', apiPaths.enrollment, start, 201, TotpEnrollmentSchema);
  expectThat('start', started.attemptsLeft === config.maxAttempts, `attemptsLeft ${started.attemptsLeft}, not maxAttempts`);

  const wrongCode = wrongCodeFor(await api.nextCode(started));
  const verifyWrong = { method: 'POST', body: { code: wrongCode } } as const;
  const rejected = await expectProblem('a wrong code', apiPaths.verifyEnrollment, verifyWrong, 422, 'invalid_code');
  const attemptsLeft = attemptsLeftAfterWrongCode(started.attemptsLeft);
  expectThat('a wrong code', rejected.attemptsLeft === attemptsLeft, `attemptsLeft ${rejected.attemptsLeft}, not ${attemptsLeft}`);

  const reloaded = await expectAnswer('reload the enrollment', apiPaths.enrollment, {}, 200, TotpEnrollmentSchema);
  expectThat('reload the enrollment', reloaded.secret === started.secret, 'the secret changed');
  expectThat('reload the enrollment', reloaded.attemptsLeft === attemptsLeft, `attemptsLeft ${reloaded.attemptsLeft}, not ${attemptsLeft}`);
  const session = await expectAnswer('reload the session', apiPaths.session, {}, 200, SessionSchema);
  expectThat('reload the session', session.pending?.type === 'totp' && session.pending.secret === started.secret, 'the session does not show the same enrollment');

  const verifyRight = { method: 'POST', body: { code: await api.nextCode(reloaded) } } as const;
  const confirmed = await expectAnswer('the right code', apiPaths.verifyEnrollment, verifyRight, 200, EnrollmentConfirmedSchema);
  expectThat('the right code', confirmed.description === 'Journey phone', `description ${confirmed.description}`);
  const enrolled = await expectAnswer('read the new token', apiPaths.session, {}, 200, SessionSchema);
  expectThat('read the new token', enrolled.pending === null, 'an enrollment is still pending');
  expectThat(
    'read the new token',
    enrolled.tokens.some((token) => token.serial === confirmed.serial && token.active),
    `no active token ${confirmed.serial}`,
  );

  await expectProblem('start again', apiPaths.enrollment, start, 409, 'already_enrolled');
  await expectNoContent('cancel', apiPaths.enrollment, { method: 'DELETE' });
  await expectNoContent('cancel again', apiPaths.enrollment, { method: 'DELETE' });

  await api.signInNewUser();
  const another = await expectAnswer('a new user starts', apiPaths.enrollment, start, 201, TotpEnrollmentSchema);
  await api.advanceClock(config.enrollmentTtlSeconds * 1000 + 1000);
  const late = { method: 'POST', body: { code: await api.nextCode(another) } } as const;
  await expectProblem('a code after the expiry', apiPaths.verifyEnrollment, late, 410, 'enrollment_expired');

  return steps;
}
