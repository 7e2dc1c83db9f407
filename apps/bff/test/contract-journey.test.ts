import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEnrollmentJourney, type EnrollmentJourneyApi } from '@pi-enroll/mock-api';
import { ApiClient } from './support/api-client.js';
import { startStack, type TestStack } from './support/test-stack.js';

/**
 * The same scripted journey the QA fake walks in packages/mock-api, against the real BFF and the privacyIDEA
 * simulator: if the fake and the BFF disagree on any answer of it, one of the two suites fails.
 */
describe('the scripted enrollment journey against the real BFF', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  it('walks start, wrong code, reload, right code, already enrolled, cancel and expiry as the fake does', async () => {
    const users = ['bob', 'carol'];
    let browser: ApiClient | undefined;
    const api: EnrollmentJourneyApi = {
      async fetch(path, init = {}) {
        const client = browser ?? new ApiClient(stack.baseUrl);
        const answer = await client.request(init.method ?? 'GET', path, init.body);
        return new Response(answer.text.length > 0 ? answer.text : null, { status: answer.status, headers: answer.headers });
      },
      async signInNewUser() {
        const username = users.shift();
        if (username === undefined) throw new Error('the journey asked for more users than the simulator has without tokens');
        browser = await stack.signedIn(username);
      },
      nextCode: (enrollment) => Promise.resolve(stack.codeFor(enrollment)),
      advanceClock: (ms) => Promise.resolve(stack.clock.advance(ms)),
    };
    const steps = await runEnrollmentJourney(api);
    expect(steps.map((step) => `${step.step} ${step.status}`)).toEqual([
      'read the config 200',
      'start 201',
      'a wrong code 422',
      'reload the enrollment 200',
      'reload the session 200',
      'the right code 200',
      'read the new token 200',
      'start again 409',
      'cancel 204',
      'cancel again 204',
      'a new user starts 201',
      'a code after the expiry 410',
    ]);
  });
});
