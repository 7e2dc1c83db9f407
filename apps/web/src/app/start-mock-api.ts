/**
 * In `npm run dev:mock` (vite --mode mock) the BFF is replaced by msw's service worker. The check on the mode is
 * a literal after the build's replacement, so in any other build the mock and msw are not even bundled.
 */
export async function startMockApiInMockMode(): Promise<void> {
  if (import.meta.env.MODE === 'mock') {
    const { startMockApi } = await import('../testing/mocks/browser');
    await startMockApi();
  }
}
