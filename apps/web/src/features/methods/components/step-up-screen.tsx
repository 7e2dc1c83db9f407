import type { SignInMethod } from '@pi-enroll/shared';
import { useState, type Dispatch } from 'react';
import { Button } from '../../../components/button';
import { ProblemAlert } from '../../../components/problem-alert';
import { Screen } from '../../../components/screen';
import { TextField } from '../../../components/text-field';
import type { FlowProblem } from '../../../lib/api-client';
import { useManagementI18n } from '../i18n/management-i18n';
import type { ManagementEvent } from '../flow/management-flow';

export interface StepUpScreenProps {
  /** The methods whose code the BFF accepts (`stepUpMethods`), as the list names them. */
  methods: SignInMethod[];
  busy: boolean;
  problem?: FlowProblem;
  send: Dispatch<ManagementEvent>;
}

/** Before a method goes: a code from one of the user's methods, proving it is still them. */
export function StepUpScreen({ methods, busy, problem, send }: StepUpScreenProps) {
  const { t, format } = useManagementI18n();
  const [code, setCode] = useState('');
  const wrong = problem?.code === 'invalid_credentials';
  return (
    <Screen step={busy ? 'steppingUp' : 'stepUp'} heading={t.stepUp.heading}>
      <p className="pie-text">{format(t.stepUp.intro, { methods: methods.map((method) => method.description).join(', ') })}</p>
      {problem && !wrong && <ProblemAlert problem={problem} />}
      <form
        className="pie-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) send({ type: 'codeSubmitted', code });
        }}
      >
        <TextField
          label={t.stepUp.label}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          maxLength={32}
          value={code}
          readOnly={busy}
          error={wrong ? t.stepUp.wrong : undefined}
          onChange={(event) => setCode(event.target.value)}
        />
        <div className="pie-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t.stepUp.submit}
          </Button>
          <Button variant="quiet" disabled={busy} onClick={() => send({ type: 'dismissed' })}>
            {t.common.back}
          </Button>
        </div>
      </form>
    </Screen>
  );
}
