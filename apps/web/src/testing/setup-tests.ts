// Every test starts from a fresh fake BFF and the default handlers; anything not handled fails the test.
import * as domMatchers from '@testing-library/jest-dom/matchers';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { mockApi, server } from './mocks/server';

expect.extend(domMatchers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  server.events.removeAllListeners();
  mockApi.reset();
});
afterAll(() => server.close());
