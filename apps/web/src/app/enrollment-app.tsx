import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { Theme } from '../components/widget-root';
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
}

export interface EnrollmentAppProps extends WidgetOptions {
  /** The widget's server state. Each entry point creates one per mounted widget, so two widgets share nothing. */
  queryClient: QueryClient;
}

/** The widget with its providers: what every entry point (page, iframe, script tag) renders. */
export function EnrollmentApp({ locale, messages, theme, queryClient, ...flowOptions }: EnrollmentAppProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider locale={locale} messages={messages}>
        <WidgetRoot theme={theme}>
          <EnrollmentWidget {...flowOptions} methods={methodUis} management={managementUi} />
        </WidgetRoot>
      </I18nProvider>
    </QueryClientProvider>
  );
}
