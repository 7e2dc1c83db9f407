import { lazyComponent } from '../../lib/lazy-component';
import type { MethodStepsProps, MethodUi } from '../../lib/method-ui';

const steps = lazyComponent<MethodStepsProps<'email'>>(async () => (await import('./components/email-steps')).EmailSteps);

/** Email codes as the enrollment sees them: one screen from a chunk of its own. */
export const emailMethodUi = {
  type: 'email',
  Steps: steps.Component,
  preload: () => void steps.preload().catch(() => undefined),
} as const satisfies MethodUi<'email'>;
