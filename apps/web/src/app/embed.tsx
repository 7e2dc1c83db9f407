// The iframe page (embed.html): the widget plus its postMessage conversation with the host page.
import { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { takeLaunchTokenFromFragment } from '../features/embedding/take-launch-token-from-fragment';
import { EmbeddedApp } from './embedded-app';
import { readPageOptions } from './page-options';
import { startMockApiInMockMode } from './start-mock-api';

const launchToken = takeLaunchTokenFromFragment(window.location, window.history);

/** The host's origin, if the browser tells: Chromium and WebKit list it; otherwise the referrer is the host page. */
function hostOrigin(): string | null {
  const ancestor = window.location.ancestorOrigins?.[0];
  if (ancestor) return ancestor;
  return document.referrer ? new URL(document.referrer).origin : null;
}

const host =
  window.parent === window ? undefined : { self: window, parent: window.parent, parentOrigin: hostOrigin() };

await startMockApiInMockMode();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EmbeddedApp queryClient={new QueryClient()} host={host} launchToken={launchToken} headingLevel={1} {...readPageOptions(window.location)} />
  </StrictMode>,
);
