import { lazyComponent } from '../../lib/lazy-component';
import type { MethodStepsProps, MethodUi } from '../../lib/method-ui';

const steps = lazyComponent<MethodStepsProps<'recovery'>>(async () => (await import('./components/recovery-steps')).RecoverySteps);

/** Recovery codes as the enrollment sees them: one screen (codes, then type one back) from a chunk of its own. */
export const recoveryMethodUi = {
  type: 'recovery',
  Steps: steps.Component,
  preload: () => void steps.preload().catch(() => undefined),
  // A list of codes, not a device: nothing to name on the done screen.
  named: false,
} as const satisfies MethodUi<'recovery'>;
