import { createContext, use, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Messages } from '../../../locales/en';
import en, { type ManagementMessages } from '../../../locales/management/en';
import { useI18n, type I18n } from '../../../lib/i18n/i18n-provider';
import { messageSet } from '../../../lib/i18n/load-messages';
import { mergeMessages } from '../../../lib/i18n/merge-messages';

// The management screens' strings, one file per language like the enrollment's (src/locales/management/). English
// comes with these screens; another language is one more small chunk, fetched when the list is first shown.
const managementMessages = messageSet<ManagementMessages>(
  en,
  import.meta.glob<ManagementMessages>(['../../../locales/management/*.ts', '!../../../locales/management/en.ts'], { import: 'default' }),
);

export const loadManagementMessages = (locale: string) => managementMessages.load(locale);

export interface ManagementI18n extends Omit<I18n, 't'> {
  t: Messages & ManagementMessages;
}

const ManagementI18nContext = createContext<ManagementI18n | null>(null);

/**
 * The shown language's strings for the management screens, with the host's overrides, next to the enrollment's.
 * Renders nothing until that language's file is there (English always is), as the enrollment's provider does.
 */
export function ManagementI18nProvider({ children }: { children: ReactNode }) {
  const i18n = useI18n();
  const { locale, overrides, t } = i18n;
  const [fetched, setFetched] = useState<{ locale: string; messages: ManagementMessages }>();
  const base = managementMessages.loaded(locale) ?? (fetched?.locale === locale ? fetched.messages : undefined);

  useEffect(() => {
    if (base) return;
    let current = true;
    void loadManagementMessages(locale).then((messages) => {
      if (current) setFetched({ locale, messages });
    });
    return () => {
      current = false;
    };
  }, [base, locale]);

  const value = useMemo<ManagementI18n | null>(
    () => (base ? { ...i18n, t: { ...t, ...mergeMessages(base, overrides) } } : null),
    [i18n, t, base, overrides],
  );
  return value && <ManagementI18nContext value={value}>{children}</ManagementI18nContext>;
}

export function useManagementI18n(): ManagementI18n {
  const i18n = use(ManagementI18nContext);
  if (!i18n) throw new Error('useManagementI18n() needs a <ManagementI18nProvider> above it.');
  return i18n;
}
