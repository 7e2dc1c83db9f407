import {
  ClientConfigSchema,
  CreateSessionRequestSchema,
  EnrollmentConfirmedSchema,
  EnrollmentSchema,
  RenameMethodRequestSchema,
  SessionSchema,
  SignInMethodListSchema,
  SignInMethodSchema,
  StartEnrollmentRequestSchema,
  StepUpRequestSchema,
  StepUpStateSchema,
  VerifyEnrollmentRequestSchema,
  type ClientConfig,
} from '@pi-enroll/shared';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import { delay, http, HttpResponse, type HttpHandler, type JsonBodyType } from 'msw';
import type Type from 'typebox';
import { acceptedBody, checkedAnswer, ContractViolation } from './contract-check.js';
import { FakeBff, FakeProblem } from './fake-bff.js';
import { problemResponse } from './problem-response.js';
import {
  defaultClientConfig,
  defaultSwitches,
  mockScenarios,
  type MockScenario,
  type MockScenarioName,
  type MockSwitches,
} from './scenarios.js';

export interface MockApiOptions {
  /** A named preset (default `happy`); `switches` and `config` then override single values. */
  scenario?: MockScenarioName;
  switches?: Partial<MockSwitches>;
  config?: Partial<ClientConfig>;
  /** Where the API lives; the default `*` matches any origin (the widget may call a BFF on another origin). */
  baseUrl?: string;
  /** The fake's clock, for expiry and for checking real TOTP codes. */
  now?: () => number;
}

export interface MockApi {
  /** Pass to `setupServer(...)` (tests) or `setupWorker(...)` (browser). */
  readonly handlers: HttpHandler[];
  /** The current in-memory BFF: inspect its state, or flip `fake.switches` mid-test. */
  readonly fake: FakeBff;
  /** A fresh fake, as configured at creation or by `options`; call it after each test. */
  reset(options?: MockApiOptions): void;
}

type RouteKind = 'config' | 'read' | 'write';

function createFake(options: MockApiOptions): FakeBff {
  const scenario: MockScenario = mockScenarios[options.scenario ?? 'happy'];
  const config = { ...defaultClientConfig, ...scenario.config, ...options.config };
  const switches = { ...defaultSwitches, ...scenario.switches, ...options.switches };
  return new FakeBff(config, switches, options.now ?? Date.now);
}

/** The request's JSON body, checked against the route's body schema (the one the BFF's route declares). */
async function readBody<Schema extends Type.TSchema>(request: Request, schema: Schema): Promise<Type.Static<Schema>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new FakeProblem('invalid_request', { detail: 'The body must be JSON.' });
  }
  return acceptedBody(schema, body);
}

/** A JSON answer, checked against the route's response schema first. */
function json<Schema extends Type.TSchema>(schema: Schema, body: Type.Static<Schema>, route: string, status = 200): Response {
  return HttpResponse.json(checkedAnswer(schema, body, route) as JsonBodyType, { status });
}

/**
 * msw handlers for the whole BFF API, answered by a stateful fake. The network-level switches (offline,
 * latency, upstream down, rate limiting) apply here, before the fake decides.
 */
export function createMockApi(initialOptions: MockApiOptions = {}): MockApi {
  let fake = createFake(initialOptions);
  const base = initialOptions.baseUrl ?? '*';

  async function answer(kind: RouteKind, run: () => Response | Promise<Response>): Promise<Response> {
    const switches = fake.switches;
    if (switches.latencyMs > 0) await delay(switches.latencyMs);
    if (switches.offline) return HttpResponse.error();
    if (kind !== 'config' && switches.upstreamDown) return problemResponse('upstream_unavailable', { retryAfterSeconds: 10 });
    if (kind === 'write' && switches.rateLimited) return problemResponse('rate_limited', { retryAfterSeconds: 30 });
    try {
      return await run();
    } catch (error) {
      if (error instanceof FakeProblem) return problemResponse(error.code, error.extras);
      if (error instanceof ContractViolation) {
        // Loud in the console and in the answer: a test or a QA session sees at once that the kit drifted.
        console.error(error);
        return problemResponse('internal_error', { detail: error.message });
      }
      throw error;
    }
  }

  const noContent = () => new HttpResponse(null, { status: 204 });

  const handlers: HttpHandler[] = [
    http.get(`${base}${apiPaths.config}`, () =>
      answer('config', () => json(ClientConfigSchema, fake.config, 'GET /config')),
    ),
    http.get(`${base}${apiPaths.session}`, () =>
      answer('read', () => {
        const session = fake.getSession();
        return session === null ? noContent() : json(SessionSchema, session, 'GET /session');
      }),
    ),
    http.post(`${base}${apiPaths.session}`, ({ request }) =>
      answer('write', async () => {
        fake.createSession(await readBody(request, CreateSessionRequestSchema));
        return noContent();
      }),
    ),
    http.delete(`${base}${apiPaths.session}`, () =>
      answer('write', () => {
        fake.deleteSession();
        return noContent();
      }),
    ),
    http.post(`${base}${apiPaths.verifyEnrollment}`, ({ request }) =>
      answer('write', async () => {
        const confirmed = await fake.verifyEnrollment(await readBody(request, VerifyEnrollmentRequestSchema));
        return json(EnrollmentConfirmedSchema, confirmed, 'POST /enrollment/verify');
      }),
    ),
    http.post(`${base}${apiPaths.resendEnrollment}`, () =>
      answer('write', () => json(EnrollmentSchema, fake.resendEnrollment(), 'POST /enrollment/resend')),
    ),
    http.get(`${base}${apiPaths.enrollment}`, () =>
      answer('read', () => json(EnrollmentSchema, fake.getEnrollment(), 'GET /enrollment')),
    ),
    http.post(`${base}${apiPaths.enrollment}`, ({ request }) =>
      answer('write', async () => {
        const { created, enrollment } = fake.startEnrollment(await readBody(request, StartEnrollmentRequestSchema));
        return json(EnrollmentSchema, enrollment, 'POST /enrollment', created ? 201 : 200);
      }),
    ),
    http.delete(`${base}${apiPaths.enrollment}`, () =>
      answer('write', () => {
        fake.cancelEnrollment();
        return noContent();
      }),
    ),
    http.get(`${base}${apiPaths.methods}`, () =>
      answer('read', () => json(SignInMethodListSchema, fake.listMethods(), 'GET /methods')),
    ),
    http.patch(`${base}${apiPaths.methods}/:serial`, ({ request, params }) =>
      answer('write', async () => {
        const renamed = fake.renameMethod(String(params.serial), await readBody(request, RenameMethodRequestSchema));
        return json(SignInMethodSchema, renamed, 'PATCH /methods/{serial}');
      }),
    ),
    http.delete(`${base}${apiPaths.methods}/:serial`, ({ params }) =>
      answer('write', () => {
        fake.removeMethod(String(params.serial));
        return noContent();
      }),
    ),
    http.post(`${base}${apiPaths.stepUp}`, ({ request }) =>
      answer('write', async () => json(StepUpStateSchema, fake.stepUp(await readBody(request, StepUpRequestSchema)), 'POST /session/step-up')),
    ),
  ];

  return {
    handlers,
    get fake() {
      return fake;
    },
    reset(options = initialOptions) {
      fake = createFake(options);
    },
  };
}
