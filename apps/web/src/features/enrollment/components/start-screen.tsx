import { DESCRIPTION_MAX_LENGTH } from '@pi-enroll/shared/enrollment-limits';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { ProblemAlert } from '../../../components/problem-alert';
import { Screen } from '../../../components/screen';
import { TextField } from '../../../components/text-field';
import type { FlowProblem } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { MethodUiRegistry } from '../../../lib/method-ui';
import type { UserEvent } from '../flow/enrollment-flow';
import { usePreloadMethods } from '../hooks/use-preload-methods';

export interface StartScreenProps {
  methods: MethodUiRegistry;
  busy: boolean;
  problem?: FlowProblem;
  send: (event: UserEvent) => void;
}

/**
 * What will happen, in one sentence, and the optional device name that becomes the token's description (a
 * dated default in the user's language when they leave it empty). It starts the first registered method; a
 * choice between methods comes with the second one.
 */
export function StartScreen({ methods, busy, problem, send }: StartScreenProps) {
  const { t, format, locale } = useI18n();
  const [deviceName, setDeviceName] = useState('');
  usePreloadMethods(methods);
  const [offered] = Object.values(methods);
  return (
    <Screen step={busy ? 'creating' : 'start'} heading={t.start.heading}>
      <p className="pie-text">{t.start.intro}</p>
      {problem && <ProblemAlert problem={problem} />}
      <form
        className="pie-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (busy || !offered) return;
          const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(Date.now());
          const description = deviceName.trim() || format(t.start.defaultDescription, { date });
          send({ type: 'startRequested', method: offered.type, description });
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
