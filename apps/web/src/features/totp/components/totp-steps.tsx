import type { MethodStepsProps } from '../../../lib/method-ui';
import { SetupStep } from './setup-step';

/** TOTP's steps while its enrollment is pending: one screen, the key into the app and the field for its code. */
export function TotpSteps({ pending, busy, problem, submit, cancel, restartWithCompatibleSettings }: MethodStepsProps<'totp'>) {
  return (
    <SetupStep
      enrollment={pending}
      busy={busy}
      problem={problem}
      onCode={(code) => submit({ code })}
      onCompatibleSettings={restartWithCompatibleSettings}
      onCancel={cancel}
    />
  );
}
