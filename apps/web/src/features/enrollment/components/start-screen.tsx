import type { ClientConfig } from '@pi-enroll/shared';
import { Button } from '../../../components/button';
import { ProblemAlert } from '../../../components/problem-alert';
import { Screen } from '../../../components/screen';
import type { FlowProblem } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { MethodUiRegistry } from '../../../lib/method-ui';
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
 * What will happen, in one sentence, where to get an app, and one button: the device is named on the done
 * screen, so the setup starts with a dated default description in the user's language. It starts the first
 * registered method; a choice between methods comes with the second one.
 */
export function StartScreen({ methods, config, fromMethods, busy, problem, send }: StartScreenProps) {
  const { t, format, locale } = useI18n();
  usePreloadMethods(methods);
  const apps = config?.authenticatorApps ?? [];
  const [offered] = Object.values(methods);
  return (
    <Screen step={busy ? 'creating' : 'start'} heading={t.start.heading}>
      <p className="pie-text">{t.start.intro}</p>
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
      {problem && <ProblemAlert problem={problem} />}
      <form
        className="pie-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (busy || !offered) return;
          const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(Date.now());
          const description = format(t.start.defaultDescription, { date });
          send({ type: 'startRequested', method: offered.type, description });
        }}
      >
        <div className="pie-actions">
          <Button type="submit" variant="primary" busy={busy}>
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
