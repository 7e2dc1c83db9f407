import { createMockApi, isMockScenarioName, type MockScenarioName } from '@pi-enroll/mock-api';
import { setupWorker } from 'msw/browser';
import { showScenarioPanel } from './scenario-panel';

/**
 * `npm run dev:mock`: the whole BFF API answered in the browser by msw's service worker and the stateful fake.
 * The scenario comes from `?scenario=` (see the panel in the corner); reloading starts the fake afresh.
 */
export async function startMockApi(): Promise<void> {
  const requested = new URLSearchParams(window.location.search).get('scenario') ?? 'happy';
  const scenario: MockScenarioName = isMockScenarioName(requested) ? requested : 'happy';
  const mockApi = createMockApi({ scenario });
  await setupWorker(...mockApi.handlers).start({
    serviceWorker: { url: new URL('mockServiceWorker.js', document.baseURI).pathname },
    // Vite's own modules and assets pass through; only the API is faked.
    onUnhandledRequest: 'bypass',
  });
  if (window.parent === window) showScenarioPanel(scenario);
}
