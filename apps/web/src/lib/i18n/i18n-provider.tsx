import { createContext, use, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Messages } from '../../locales/en';
import { formatMessage, formatPlural, type PluralForms } from './format-message';
import { availableLocales, loadedMessages, loadMessages } from './load-messages';
import { mergeMessages, type MessageOverrides } from './merge-messages';
import { negotiateLocale } from './negotiate-locale';

export interface I18n {
  locale: string;
  t: Messages;
  format: (template: string, values?: Record<string, string | number>) => string;
  plural: (forms: PluralForms, count: number, values?: Record<string, string | number>) => string;
  /** The host's strings, for the chunks that bring messages of their own (the management screens). */
  overrides: MessageOverrides | undefined;
}

const I18nContext = createContext<I18n | null>(null);

export interface I18nProviderProps {
  /** The host's choice; otherwise the browser's languages decide. */
  locale?: string;
  /** Strings the host replaces, in whatever language is shown. */
  messages?: MessageOverrides;
  children: ReactNode;
}

export function I18nProvider({ locale: requested, messages: overrides, children }: I18nProviderProps) {
  const locale = negotiateLocale(requested ? [requested] : navigator.languages, availableLocales);
  // `fetched` only ever holds a language that had to be loaded; a bundled or cached one needs no state.
  const [fetched, setFetched] = useState<{ locale: string; messages: Messages }>();
  const base = loadedMessages(locale) ?? (fetched?.locale === locale ? fetched.messages : undefined);

  useEffect(() => {
    if (base) return;
    let current = true;
    void loadMessages(locale).then((messages) => {
      if (current) setFetched({ locale, messages });
    });
    return () => {
      current = false;
    };
  }, [base, locale]);

  const value = useMemo<I18n | null>(
    () =>
      base
        ? {
            locale,
            t: mergeMessages(base, overrides),
            format: formatMessage,
            plural: (forms, count, values) => formatPlural(locale, forms, count, values),
            overrides,
          }
        : null,
    [base, locale, overrides],
  );

  // Nothing rather than a flash of English while another language loads (one small chunk, same server).
  return value && <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const i18n = use(I18nContext);
  if (!i18n) throw new Error('useI18n() needs an <I18nProvider> above it.');
  return i18n;
}
