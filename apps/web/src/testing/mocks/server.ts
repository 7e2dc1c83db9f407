import { createMockApi } from '@pi-enroll/mock-api';
import { setupServer } from 'msw/node';

/** The fake BFF every test talks to; `mockApi.reset({ scenario })` picks another starting point. */
export const mockApi = createMockApi();
export const server = setupServer(...mockApi.handlers);
