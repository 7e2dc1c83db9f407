import type { ClientConfig } from '@pi-enroll/shared';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
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

async function readJson(request: Request): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await request.json();
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // Falls through to the same answer as a non-object body.
  }
  throw new FakeProblem('invalid_request', { detail: 'The body must be a JSON object.' });
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
      throw error;
    }
  }

  const noContent = () => new HttpResponse(null, { status: 204 });

  const handlers: HttpHandler[] = [
    http.get(`${base}${apiPaths.config}`, () => answer('config', () => HttpResponse.json(fake.config))),
    http.get(`${base}${apiPaths.session}`, () => answer('read', () => HttpResponse.json(fake.getSession()))),
    http.post(`${base}${apiPaths.session}`, ({ request }) =>
      answer('write', async () => {
        fake.createSession(await readJson(request));
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
      answer('write', async () => HttpResponse.json(await fake.verifyEnrollment(await readJson(request)))),
    ),
    http.get(`${base}${apiPaths.enrollment}`, () => answer('read', () => HttpResponse.json(fake.getEnrollment()))),
    http.post(`${base}${apiPaths.enrollment}`, ({ request }) =>
      answer('write', async () => {
        const { created, enrollment } = fake.startEnrollment(await readJson(request));
        return HttpResponse.json(enrollment, { status: created ? 201 : 200 });
      }),
    ),
    http.delete(`${base}${apiPaths.enrollment}`, () =>
      answer('write', () => {
        fake.cancelEnrollment();
        return noContent();
      }),
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
