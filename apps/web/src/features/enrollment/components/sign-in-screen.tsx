import type { ClientConfig } from '@pi-enroll/shared';
import type { FlowProblem } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { UserEvent } from '../flow/enrollment-flow';
import { DemoUserPicker } from './demo-user-picker';
import { PasswordSignInForm } from './password-sign-in-form';
import { ProblemAlert } from '../../../components/problem-alert';
import { Screen } from '../../../components/screen';

export interface SignInScreenProps {
  config: ClientConfig | undefined;
  stepUp: boolean;
  busy: boolean;
  problem?: FlowProblem;
  send: (event: UserEvent) => void;
}

/**
 * Signing in, in whichever ways the deployment allows. With a launch token or a trusted header there is nothing
 * to fill in here: the user is told where to come from instead.
 */
export function SignInScreen({ config, stepUp, busy, problem, send }: SignInScreenProps) {
  const { t } = useI18n();
  const modes = config?.identityModes ?? [];
  const password = modes.includes('password');
  const demoUsers = modes.includes('demo') ? (config?.demoUsers ?? []) : [];
  const canSignInHere = password || demoUsers.length > 0;
  const step = busy ? 'signingIn' : 'signedOut';

  if (!canSignInHere) {
    return (
      <Screen step={step} heading={t.signIn.notSignedInHeading}>
        {problem && <ProblemAlert problem={problem} />}
        <p className="pie-text">{t.signIn.notSignedIn}</p>
      </Screen>
    );
  }
  return (
    <Screen step={step} heading={t.signIn.heading}>
      <p className="pie-text">{t.signIn.intro}</p>
      {/* Step-up is no error: the code field it adds says what to do. */}
      {problem && problem.code !== 'step_up_required' && <ProblemAlert problem={problem} />}
      {password && <PasswordSignInForm stepUp={stepUp} busy={busy} send={send} />}
      {demoUsers.length > 0 && <DemoUserPicker users={demoUsers} busy={busy} send={send} />}
    </Screen>
  );
}
