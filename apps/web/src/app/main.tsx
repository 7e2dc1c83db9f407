// The standalone page (index.html), as the BFF serves it at BASE_PATH.
import { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { takeLaunchTokenFromFragment } from '../features/embedding/take-launch-token-from-fragment';
import { EnrollmentApp } from './enrollment-app';
import { readPageOptions } from './page-options';
import { startMockApiInMockMode } from './start-mock-api';

const launchToken = takeLaunchTokenFromFragment(window.location, window.history);

await startMockApiInMockMode();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EnrollmentApp queryClient={new QueryClient()} launchToken={launchToken} headingLevel={1} {...readPageOptions(window.location)} />
  </StrictMode>,
);
