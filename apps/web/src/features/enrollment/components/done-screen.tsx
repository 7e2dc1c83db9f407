import type { ClientConfig } from '@pi-enroll/shared';
import { DESCRIPTION_MAX_LENGTH } from '@pi-enroll/shared/enrollment-limits';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { ProblemAlert } from '../../../components/problem-alert';
import { Screen } from '../../../components/screen';
import { TextField } from '../../../components/text-field';
import { Suspense } from 'react';
import type { ApiClient } from '../../../lib/api-client';
import { MethodI18nProvider, useMethodI18n } from '../../../lib/i18n/method-messages';
import { isMethodSupported, methodUiOf, type MethodUiRegistry } from '../../../lib/method-ui';
import type { FlowState, UserEvent } from '../flow/enrollment-flow';

export interface DoneScreenProps {
  state: Extract<FlowState, { current: 'done' | 'naming' }>;
  config: ClientConfig | undefined;
  methods: MethodUiRegistry;
  api: ApiClient;
  /** The host's "Back" when the config names no return URL (embeds: the host hears `pi-enroll:return`). */
  onReturn?: () => void;
  send: (event: UserEvent) => void;
}

/**
 * The end of a setup, and not a dead end: the device can be named here (the setup started without asking),
 * the user goes back to the site (RETURN_URL, or the host's event) or to their methods, or signs out.
 */
export function DoneScreen(props: DoneScreenProps) {
  return (
    <MethodI18nProvider>
      <DoneScreenContent {...props} />
    </MethodI18nProvider>
  );
}

function DoneScreenContent({ state, config, methods, api, onReturn, send }: DoneScreenProps) {
  const { t, format } = useMethodI18n();
  const { AfterConfirm, named = true } = methodUiOf(methods, state.method);
  // The method offered next (recovery codes, after the first method), unless that is the one just confirmed.
  const next = config?.methods.find(
    (method) => method.needsOtherMethod && method.type !== state.method && isMethodSupported(methods, method.type),
  );
  const own = doneText(t, state.method);
  const { confirmation } = state;
  const busy = state.current === 'naming';
  const [deviceName, setDeviceName] = useState(confirmation.description);
  const clockOffsetSeconds = confirmation.warning?.clockOffsetSeconds;
  const returnUrl = config?.returnUrl ?? null;
  return (
    <Screen step={busy ? 'naming' : 'done'} heading={own.heading}>
      <p className="pie-text">{own.body}</p>
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
      {AfterConfirm && (
        <Suspense fallback={null}>
          <AfterConfirm serial={confirmation.serial} api={api} />
        </Suspense>
      )}
      {next && (
        <section className="pie-next" aria-labelledby="pie-next-heading">
          <p className="pie-text" id="pie-next-heading">
            {next.required ? t.done.nextRequired : t.done.nextOffered}
          </p>
          <div className="pie-actions">
            <Button variant={next.required ? 'primary' : 'secondary'} disabled={busy} onClick={() => send({ type: 'startRequested', method: next.type })}>
              {t.methodNames[next.type].add}
            </Button>
          </div>
        </section>
      )}
      {named && (
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
      )}
      <div className="pie-actions">
        {returnUrl !== null ? (
          <a className={`pie-button pie-button--${next?.required ? 'secondary' : 'primary'}`} href={returnUrl}>
            {format(t.done.backTo, { site: siteName(returnUrl) })}
          </a>
        ) : (
          onReturn && (
            <Button variant={next?.required ? 'secondary' : 'primary'} onClick={onReturn}>
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

/** The done screen's heading and text for a method: its own where it has them, else the authenticator app's. */
function doneText(t: ReturnType<typeof useMethodI18n>['t'], method: string): { heading: string; body: string } {
  const section: unknown = (t as unknown as Record<string, unknown>)[method];
  if (section && typeof section === 'object' && 'doneHeading' in section && 'doneBody' in section) {
    const { doneHeading, doneBody } = section as { doneHeading: string; doneBody: string };
    return { heading: doneHeading, body: doneBody };
  }
  return { heading: t.done.heading, body: t.done.body };
}

/** `https://portal.example.com/home` → `portal.example.com`: what the user knows the site by. */
function siteName(url: string): string {
  try {
    return new URL(url, document.baseURI).hostname || url;
  } catch {
    return url;
  }
}
