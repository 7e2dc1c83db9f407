import { createContext, use, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Messages } from '../../locales/en';
import en, { type MethodMessages } from '../../locales/methods/en';
import { useI18n, type I18n } from './i18n-provider';
import { messageSet } from './load-messages';
import { mergeMessages } from './merge-messages';

// The strings of the methods other than TOTP (passkey, email, recovery codes), one file per language in
// src/locales/methods/. Only the methods' own chunks import this module, so none of it is in the first download:
// English comes with the first method screen shown, another language is one more small chunk.
const methodMessages = messageSet<MethodMessages>(
  en,
  import.meta.glob<MethodMessages>(['../../locales/methods/*.ts', '!../../locales/methods/en.ts'], { import: 'default' }),
);

export const loadMethodMessages = (locale: string) => methodMessages.load(locale);

export interface MethodI18n extends Omit<I18n, 't'> {
  t: Messages & MethodMessages;
}

const MethodI18nContext = createContext<MethodI18n | null>(null);

/**
 * The shown language's method strings with the host's overrides, next to the enrollment's. Renders nothing until
 * that language's file is there (English always is), as the enrollment's provider does.
 */
export function MethodI18nProvider({ children }: { children: ReactNode }) {
  const i18n = useI18n();
  const { locale, overrides, t } = i18n;
  const [fetched, setFetched] = useState<{ locale: string; messages: MethodMessages }>();
  const base = methodMessages.loaded(locale) ?? (fetched?.locale === locale ? fetched.messages : undefined);

  useEffect(() => {
    if (base) return;
    let current = true;
    void loadMethodMessages(locale).then((messages) => {
      if (current) setFetched({ locale, messages });
    });
    return () => {
      current = false;
    };
  }, [base, locale]);

  const value = useMemo<MethodI18n | null>(
    () => (base ? { ...i18n, t: { ...t, ...mergeMessages(base, overrides) } } : null),
    [i18n, t, base, overrides],
  );
  return value && <MethodI18nContext value={value}>{children}</MethodI18nContext>;
}

export function useMethodI18n(): MethodI18n {
  const i18n = use(MethodI18nContext);
  if (!i18n) throw new Error('useMethodI18n() needs a <MethodI18nProvider> above it.');
  return i18n;
}
