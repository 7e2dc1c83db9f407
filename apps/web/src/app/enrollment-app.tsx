import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { Theme } from '../components/widget-root';
import { HeadingLevelContext } from '../components/step-heading';
import { WidgetRoot } from '../components/widget-root';
import { EnrollmentWidget } from '../features/enrollment/components/enrollment-widget';
import type { UseEnrollmentOptions } from '../features/enrollment/hooks/use-enrollment';
import { I18nProvider } from '../lib/i18n/i18n-provider';
import { managementUi } from './management-ui';
import { methodUis } from './method-uis';
import type { MessageOverrides } from '../lib/i18n/merge-messages';
import '../styles/widget.css';

/** Everything a host can set, whichever way it embeds the widget. */
export interface WidgetOptions extends UseEnrollmentOptions {
  /** The done screen's "Close" when the config names no return URL; embeds tell their host (`pi-enroll:return`). */
  onReturn?: () => void;
  /** A language tag (`de`, `en-GB`); default: the browser's languages. */
  locale?: string;
  /** Replaces any of the widget's strings. */
  messages?: MessageOverrides;
  theme?: Theme;
  /** 1 where the widget is the page (the standalone page, the iframe); 2, the default, inside a host's page. */
  headingLevel?: 1 | 2;
}

export interface EnrollmentAppProps extends WidgetOptions {
  /** The widget's server state. Each entry point creates one per mounted widget, so two widgets share nothing. */
  queryClient: QueryClient;
}

/** The widget with its providers: what every entry point (page, iframe, script tag) renders. */
export function EnrollmentApp({ locale, messages, theme, headingLevel = 2, queryClient, ...flowOptions }: EnrollmentAppProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider locale={locale} messages={messages}>
        <WidgetRoot theme={theme}>
          <HeadingLevelContext value={headingLevel}>
            <EnrollmentWidget {...flowOptions} methods={methodUis} management={managementUi} />
          </HeadingLevelContext>
        </WidgetRoot>
      </I18nProvider>
    </QueryClientProvider>
  );
}
