import type { ClientConfig } from '@pi-enroll/shared';
import { DESCRIPTION_MAX_LENGTH } from '@pi-enroll/shared/enrollment-limits';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { ProblemAlert } from '../../../components/problem-alert';
import { Screen } from '../../../components/screen';
import { TextField } from '../../../components/text-field';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { FlowState, UserEvent } from '../flow/enrollment-flow';

export interface DoneScreenProps {
  state: Extract<FlowState, { current: 'done' | 'naming' }>;
  config: ClientConfig | undefined;
  /** The host's "Back" when the config names no return URL (embeds: the host hears `pi-enroll:return`). */
  onReturn?: () => void;
  send: (event: UserEvent) => void;
}

/**
 * The end of a setup, and not a dead end: the device can be named here (the setup started without asking),
 * the user goes back to the site (RETURN_URL, or the host's event) or to their methods, or signs out.
 */
export function DoneScreen({ state, config, onReturn, send }: DoneScreenProps) {
  const { t, format } = useI18n();
  const { confirmation } = state;
  const busy = state.current === 'naming';
  const [deviceName, setDeviceName] = useState(confirmation.description);
  const clockOffsetSeconds = confirmation.warning?.clockOffsetSeconds;
  const returnUrl = config?.returnUrl ?? null;
  return (
    <Screen step={busy ? 'naming' : 'done'} heading={t.done.heading}>
      <p className="pie-text">{t.done.body}</p>
      {state.replaced && (
        <p className="pie-text" role="note">
          {format(t.done.replaced, { description: state.replaced.description })}
        </p>
      )}
      {clockOffsetSeconds !== undefined && (
        <p className="pie-text" role="note">
          {format(t.done.clockWarning, { minutes: Math.max(1, Math.round(Math.abs(clockOffsetSeconds) / 60)) })}
        </p>
      )}
      {state.current === 'done' && state.problem && <ProblemAlert problem={state.problem} />}
      <form
        className="pie-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) send({ type: 'deviceNameSubmitted', description: deviceName });
        }}
      >
        <TextField
          label={t.done.deviceName}
          hint={t.done.deviceNameHint}
          name="description"
          autoComplete="off"
          required
          maxLength={DESCRIPTION_MAX_LENGTH}
          value={deviceName}
          readOnly={busy}
          onChange={(event) => setDeviceName(event.target.value)}
        />
        <div className="pie-actions">
          <Button type="submit" busy={busy}>
            {t.done.saveName}
          </Button>
          {state.current === 'done' && state.renamed && (
            <span className="pie-hint" role="status">
              {t.done.nameSaved}
            </span>
          )}
        </div>
      </form>
      <div className="pie-actions">
        {returnUrl !== null ? (
          <a className="pie-button pie-button--primary" href={returnUrl}>
            {format(t.done.backTo, { site: siteName(returnUrl) })}
          </a>
        ) : (
          onReturn && (
            <Button variant="primary" onClick={onReturn}>
              {t.done.close}
            </Button>
          )
        )}
        <Button disabled={busy} onClick={() => send({ type: 'methodsRequested' })}>
          {t.done.showMethods}
        </Button>
        <Button variant="quiet" disabled={busy} onClick={() => send({ type: 'signOutRequested' })}>
          {t.common.signOut}
        </Button>
      </div>
    </Screen>
  );
}

/** `https://portal.example.com/home` → `portal.example.com`: what the user knows the site by. */
function siteName(url: string): string {
  try {
    return new URL(url, document.baseURI).hostname || url;
  } catch {
    return url;
  }
}
