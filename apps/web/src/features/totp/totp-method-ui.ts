import type { MethodUi } from '../../lib/method-ui';
import { TotpSteps } from './components/totp-steps';
import { preloadQrCode } from './components/lazy-qr-code';

/** TOTP as the enrollment sees it: its steps, and its QR code's chunk to load before they show. */
export const totpMethodUi = {
  type: 'totp',
  Steps: TotpSteps,
  preload: () => void preloadQrCode(),
} as const satisfies MethodUi<'totp'>;
