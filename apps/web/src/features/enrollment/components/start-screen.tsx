import { DESCRIPTION_MAX_LENGTH } from '@pi-enroll/shared/enrollment-limits';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/text-field';
import type { FlowProblem } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { UserEvent } from '../flow/enrollment-flow';
import { usePreloadQrCode } from './lazy-qr-code';
import { ProblemAlert } from './problem-alert';
import { Screen } from './screen';

export interface StartScreenProps {
  busy: boolean;
  problem?: FlowProblem;
  send: (event: UserEvent) => void;
}

/** What will happen, in one sentence, and the optional device name that becomes the token's description. */
export function StartScreen({ busy, problem, send }: StartScreenProps) {
  const { t } = useI18n();
  const [deviceName, setDeviceName] = useState('');
  usePreloadQrCode();
  return (
    <Screen step={busy ? 'creating' : 'start'} heading={t.start.heading}>
      <p className="pie-text">{t.start.intro}</p>
      {problem && <ProblemAlert problem={problem} />}
      <form
        className="pie-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) send({ type: 'startRequested', description: deviceName.trim() || undefined });
        }}
      >
        <TextField
          label={t.start.deviceName}
          hint={t.start.deviceNameHint}
          name="description"
          autoComplete="off"
          maxLength={DESCRIPTION_MAX_LENGTH}
          value={deviceName}
          readOnly={busy}
          onChange={(event) => setDeviceName(event.target.value)}
        />
        <div className="pie-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t.start.submit}
          </Button>
        </div>
      </form>
    </Screen>
  );
}
