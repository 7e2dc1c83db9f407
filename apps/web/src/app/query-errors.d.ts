// TanStack Query's errors in the bundled widget are what the api client throws: `ApiProblemError`, carrying the
// stable problem code (every BFF call rejects with it, and with nothing else). Declared here, beside the entry
// points, and imported by nothing: the headless hook (`headless.ts`) must not impose our error type on a host
// app's own queries, so the code it reaches does not rely on this (it turns any error into a problem with
// `problemOf`).
import type { ApiProblemError } from '../lib/api-client';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiProblemError;
  }
}
