// headless.html: the host's own UI over useEnrollment().
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { fetchLaunch } from './launch';
import { OwnEnrollment } from './own-enrollment';

void fetchLaunch().then(({ apiBase, launchToken }) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <OwnEnrollment apiBase={apiBase} launchToken={launchToken} />
    </StrictMode>,
  ),
);
