// index.html: the bundled widget, <EnrollmentWidget>.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { fetchLaunch } from './launch';
import { SecuritySettings } from './security-settings';

void fetchLaunch().then(({ apiBase, launchToken }) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SecuritySettings apiBase={apiBase} launchToken={launchToken} />
    </StrictMode>,
  ),
);
