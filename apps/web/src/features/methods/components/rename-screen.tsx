import type { SignInMethod } from '@pi-enroll/shared';
import { DESCRIPTION_MAX_LENGTH } from '@pi-enroll/shared/enrollment-limits';
import { useState, type Dispatch } from 'react';
import { Button } from '../../../components/button';
import { ProblemAlert } from '../../../components/problem-alert';
import { Screen } from '../../../components/screen';
import { TextField } from '../../../components/text-field';
import type { FlowProblem } from '../../../lib/api-client';
import { useManagementI18n } from '../i18n/management-i18n';
import type { ManagementEvent } from '../flow/management-flow';

export interface RenameScreenProps {
  method: SignInMethod;
  busy: boolean;
  problem?: FlowProblem;
  send: Dispatch<ManagementEvent>;
}

export function RenameScreen({ method, busy, problem, send }: RenameScreenProps) {
  const { t, format } = useManagementI18n();
  const [description, setDescription] = useState(method.description);
  return (
    <Screen step={busy ? 'savingName' : 'rename'} heading={format(t.renameMethod.heading, { description: method.description })}>
      {problem && <ProblemAlert problem={problem} />}
      <form
        className="pie-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) send({ type: 'nameSubmitted', description });
        }}
      >
        <TextField
          label={t.renameMethod.label}
          name="description"
          autoComplete="off"
          required
          maxLength={DESCRIPTION_MAX_LENGTH}
          value={description}
          readOnly={busy}
          onChange={(event) => setDescription(event.target.value)}
        />
        <div className="pie-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t.renameMethod.submit}
          </Button>
          <Button variant="quiet" disabled={busy} onClick={() => send({ type: 'dismissed' })}>
            {t.common.back}
          </Button>
        </div>
      </form>
    </Screen>
  );
}
