import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SecuritySettings } from './security-settings';

// The host's backend mints the launch token for its signed-in user (see apps/web/README.md, "Embedding").
const launchToken = await (await fetch('/my-portal/pi-enroll-launch-token', { credentials: 'include' })).text();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SecuritySettings apiBase={import.meta.env.VITE_PI_ENROLL_URL ?? '/mfa/'} launchToken={launchToken} />
  </StrictMode>,
);
