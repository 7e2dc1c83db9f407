import { apiPaths } from '@pi-enroll/shared/api-paths';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createMockApi,
  JourneyFailure,
  MOCK_PASSWORD,
  runEnrollmentJourney,
  totp,
  type EnrollmentJourneyApi,
} from '../src/index.js';

const start = Date.parse('2030-01-01T12:00:00Z');
let clock = start;
const mockApi = createMockApi({ scenario: 'password', now: () => clock });
const server = setupServer(...mockApi.handlers);
const origin = 'https://enroll.example.com';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  mockApi.reset();
  clock = start;
});
afterAll(() => server.close());

/** The journey's adapter for the fake: its fetch is msw's, its users sign in by password, its clock is ours. */
function fakeJourneyApi(): EnrollmentJourneyApi {
  let users = 0;
  const send: EnrollmentJourneyApi['fetch'] = (path, init = {}) =>
    fetch(`${origin}${path}`, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: init.body === undefined ? null : JSON.stringify(init.body),
    });
  return {
    fetch: send,
    async signInNewUser() {
      users += 1;
      const response = await send(apiPaths.session, { method: 'POST', body: { username: `journey-${users}`, password: MOCK_PASSWORD } });
      expect(response.status).toBe(204);
    },
    nextCode: (enrollment) => totp(enrollment.secret, enrollment, clock),
    async advanceClock(ms) {
      clock += ms;
    },
  };
}

describe('the scripted enrollment journey against the fake', () => {
  it('walks start, wrong code, reload, right code, already enrolled, cancel and expiry as the BFF does', async () => {
    const steps = await runEnrollmentJourney(fakeJourneyApi());
    expect(steps).toEqual([
      { step: 'read the config', status: 200 },
      { step: 'start', status: 201 },
      { step: 'a wrong code', status: 422 },
      { step: 'reload the enrollment', status: 200 },
      { step: 'reload the session', status: 200 },
      { step: 'the right code', status: 200 },
      { step: 'read the new token', status: 200 },
      { step: 'start again', status: 409 },
      { step: 'cancel', status: 204 },
      { step: 'cancel again', status: 204 },
      { step: 'a new user starts', status: 201 },
      { step: 'a code after the expiry', status: 410 },
    ]);
  });

  it('names the step where a BFF answers otherwise, e.g. a new secret on reload', async () => {
    server.use(
      http.get(`*${apiPaths.enrollment}`, () => HttpResponse.json({ ...mockApi.fake.pendingEnrollment, secret: 'AAAAAAAA' })),
    );
    const failure = runEnrollmentJourney(fakeJourneyApi());
    await expect(failure).rejects.toBeInstanceOf(JourneyFailure);
    await expect(failure).rejects.toMatchObject({ step: 'reload the enrollment', message: 'reload the enrollment: the secret changed' });
  });

  it('fails on an answer that breaks the contract, even with the expected status', async () => {
    server.use(http.post(`*${apiPaths.enrollment}`, () => HttpResponse.json({ status: 'pending' }, { status: 201 })));
    const failure = runEnrollmentJourney(fakeJourneyApi());
    await expect(failure).rejects.toMatchObject({ step: 'start' });
    await expect(failure).rejects.toThrow(/^start: the answer breaks its schema/);
  });
});
