import type { ClientConfig } from '@pi-enroll/shared';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { ProblemAlert } from '../../../components/problem-alert';
import { Screen } from '../../../components/screen';
import type { FlowProblem } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { isMethodSupported, type MethodType, type MethodUiRegistry } from '../../../lib/method-ui';
import type { UserEvent } from '../flow/enrollment-flow';
import { usePreloadMethods } from '../hooks/use-preload-methods';

export interface StartScreenProps {
  methods: MethodUiRegistry;
  config: ClientConfig | undefined;
  /** Reached with "Add another method": the way back to the list. */
  fromMethods: boolean;
  busy: boolean;
  problem?: FlowProblem;
  send: (event: UserEvent) => void;
}

/**
 * The methods this user can start here, in the operator's order: offered by the BFF, usable in this browser, and
 * those that back up another method (recovery codes) only for a user who has one (reached from the list).
 */
export function startableMethods(methods: MethodUiRegistry, config: ClientConfig | undefined, hasMethod: boolean): MethodType[] {
  const offered = config?.methods ?? [];
  const types = offered.filter((method) => (hasMethod || !method.needsOtherMethod) && isMethodSupported(methods, method.type)).map((method) => method.type);
  // Before the config is known (it always is once signed in), the first registered method, as before.
  return config ? types : Object.values(methods).slice(0, 1).map((method) => method.type);
}

/**
 * What will happen and one button: the device is named on the done screen, so the setup starts with a dated
 * default description in the user's language. With several methods the user first chooses one, each named with
 * what it needs; with one, its own start (TOTP: where to get an app).
 */
export function StartScreen({ methods, config, fromMethods, busy, problem, send }: StartScreenProps) {
  const { t, format, locale } = useI18n();
  const offered = startableMethods(methods, config, fromMethods);
  usePreloadMethods(methods, offered);
  // The operator's first method is preselected: one Enter starts what they recommend.
  const [chosen, setChosen] = useState<MethodType | undefined>(offered[0]);
  const method = chosen !== undefined && offered.includes(chosen) ? chosen : offered[0];
  const choosing = offered.length > 1;
  const apps = method === 'totp' ? (config?.authenticatorApps ?? []) : [];
  const heading = choosing ? t.start.chooseHeading : method === 'totp' || method === undefined ? t.start.heading : t.methodNames[method].add;
  const intro = choosing ? t.start.chooseIntro : method === 'totp' || method === undefined ? t.start.intro : t.methodNames[method].needs;
  return (
    <Screen step={busy ? 'creating' : 'start'} heading={heading}>
      <p className="pie-text">{intro}</p>
      {problem && <ProblemAlert problem={problem} />}
      <form
        className="pie-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (busy || !method) return;
          const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(Date.now());
          const template = method === 'totp' ? t.start.defaultDescription : t.methodNames[method].added;
          send({ type: 'startRequested', method, description: format(template, { date }) });
        }}
      >
        {choosing && (
          <fieldset className="pie-choice" disabled={busy}>
            <legend className="pie-label">{t.start.chooseLegend}</legend>
            {offered.map((type) => (
              <label key={type} className="pie-choice-option">
                <input type="radio" name="method" value={type} checked={method === type} onChange={() => setChosen(type)} />
                <span>
                  <span className="pie-choice-name">{t.methodNames[type].name}</span>
                  <span className="pie-hint">{t.methodNames[type].needs}</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
        {apps.length > 0 && (
          <section className="pie-apps" aria-labelledby="pie-apps-heading">
            <p className="pie-hint" id="pie-apps-heading">
              {t.start.appsHeading}
            </p>
            <ul className="pie-app-list">
              {apps.map((app) => (
                <li key={app.name}>
                  <span>{app.name}</span>
                  {app.appStore && <StoreLink href={app.appStore} label={format(t.start.appStore, { app: app.name })} />}
                  {app.googlePlay && <StoreLink href={app.googlePlay} label={format(t.start.googlePlay, { app: app.name })} />}
                </li>
              ))}
            </ul>
          </section>
        )}
        <div className="pie-actions">
          <Button type="submit" variant="primary" busy={busy} disabled={!method}>
            {t.start.submit}
          </Button>
          {fromMethods && (
            <Button variant="quiet" disabled={busy} onClick={() => send({ type: 'methodsRequested' })}>
              {t.start.backToMethods}
            </Button>
          )}
        </div>
      </form>
    </Screen>
  );
}

function StoreLink({ href, label }: { href: string; label: string }) {
  return (
    <a className="pie-link" href={href} target="_blank" rel="noopener noreferrer">
      {label}
    </a>
  );
}
