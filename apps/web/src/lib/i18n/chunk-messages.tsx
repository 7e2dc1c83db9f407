import { createContext, use, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Messages } from '../../locales/en';
import { useI18n, type I18n } from './i18n-provider';
import type { MessageSet } from './load-messages';
import { mergeMessages } from './merge-messages';

/** The enrollment's strings and those of a chunk (the management screens, the methods), in the shown language. */
export interface ChunkI18n<T> extends Omit<I18n, 't'> {
  t: Messages & T;
}

/**
 * A provider and hook for strings that load with the screens that use them, never with the first download: the
 * shown language's file of `set`, with the host's overrides, next to the enrollment's strings. The provider
 * renders nothing until that file is there (English always is), as the enrollment's provider does.
 */
export function chunkMessages<T extends object>(set: MessageSet<T>, name: string) {
  const Context = createContext<ChunkI18n<T> | null>(null);

  function Provider({ children }: { children: ReactNode }) {
    const i18n = useI18n();
    const { locale, overrides, t } = i18n;
    const [fetched, setFetched] = useState<{ locale: string; messages: T }>();
    const base = set.loaded(locale) ?? (fetched?.locale === locale ? fetched.messages : undefined);

    useEffect(() => {
      if (base) return;
      let current = true;
      void set.load(locale).then((messages) => {
        if (current) setFetched({ locale, messages });
      });
      return () => {
        current = false;
      };
    }, [base, locale]);

    const value = useMemo<ChunkI18n<T> | null>(() => (base ? { ...i18n, t: { ...t, ...mergeMessages(base, overrides) } } : null), [i18n, t, base, overrides]);
    return value && <Context value={value}>{children}</Context>;
  }

  function useMessages(): ChunkI18n<T> {
    const i18n = use(Context);
    if (!i18n) throw new Error(`${name}: the component needs its messages' provider above it.`);
    return i18n;
  }

  return { Provider, useMessages };
}
