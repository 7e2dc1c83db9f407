import { useState } from 'react';
import type { MethodStepsProps } from '../../../lib/method-ui';
import { CodeStep } from './code-step';
import { ScanStep } from './scan-step';

/**
 * TOTP's steps while its enrollment is pending: scan the key, then type a code. Going back and forth between
 * the two is this component's own state; the enrollment only learns of the code. A pending enrollment that
 * already has a problem or is busy came back from a code, so it opens on the code step (e.g. after a reload
 * of the widget's state, as in the gallery).
 */
export function TotpSteps({ pending, busy, problem, submit, cancel, restartWithCompatibleSettings }: MethodStepsProps<'totp'>) {
  const [step, setStep] = useState<'scan' | 'code'>(busy || problem ? 'code' : 'scan');
  if (step === 'scan') return <ScanStep key="scan" enrollment={pending} onNext={() => setStep('code')} onCancel={cancel} />;
  return (
    <CodeStep
      key="code"
      enrollment={pending}
      busy={busy}
      problem={problem}
      onCode={(code) => submit({ code })}
      onCompatibleSettings={restartWithCompatibleSettings}
      onBack={() => setStep('scan')}
      onCancel={cancel}
    />
  );
}
