import { lazyComponent } from '../../lib/lazy-component';
import type { MethodAbandonedProps, MethodAfterConfirmProps, MethodStepsProps, MethodUi } from '../../lib/method-ui';
import { isWebAuthnSupported } from './api/webauthn-support';

// Its screens come from chunks of their own: the registration, the screen after a dismissed prompt, "Try it now".
const steps = lazyComponent<MethodStepsProps<'passkey'>>(async () => (await import('./components/passkey-steps')).PasskeySteps);
const abandoned = lazyComponent<MethodAbandonedProps>(async () => (await import('./components/passkey-abandoned')).PasskeyAbandoned);
const afterConfirm = lazyComponent<MethodAfterConfirmProps>(async () => (await import('./components/passkey-try')).PasskeyTry);

/** Security keys and passkeys as the enrollment sees them; not offered in a browser without WebAuthn. */
export const passkeyMethodUi = {
  type: 'passkey',
  Steps: steps.Component,
  Abandoned: abandoned.Component,
  AfterConfirm: afterConfirm.Component,
  isSupported: isWebAuthnSupported,
  preload: () => {
    void steps.preload().catch(() => undefined);
    void abandoned.preload().catch(() => undefined);
  },
} as const satisfies MethodUi<'passkey'>;
