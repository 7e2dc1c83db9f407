import { lazyComponent } from '../../lib/lazy-component';
import type { MethodStepsProps, MethodUi } from '../../lib/method-ui';

// TOTP's steps and its QR code come from chunks of their own, fetched while the start screen shows.
const steps = lazyComponent<MethodStepsProps<'totp'>>(async () => (await import('./components/totp-steps')).TotpSteps);
const qrCode = () => import('./components/lazy-qr-code').then((module) => module.preloadQrCode());

/** TOTP as the enrollment sees it: its steps, and their chunks (and the QR code's) to load before they show. */
export const totpMethodUi = {
  type: 'totp',
  Steps: steps.Component,
  preload: () => {
    void steps.preload().catch(() => undefined);
    void qrCode().catch(() => undefined);
  },
} as const satisfies MethodUi<'totp'>;
