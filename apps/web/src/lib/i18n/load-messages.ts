import en, { type Messages } from '../../locales/en';

/**
 * One set of strings in every language: English bundled (it is the fallback), the others loaded on demand from
 * an `import.meta.glob` of one file per language, named by its tag (`de.ts`). Adding a language is adding a file.
 */
export interface MessageSet<T> {
  /** English first, then the languages found by file name. */
  readonly locales: readonly string[];
  /** The strings of a language already loaded (English always is), without waiting. */
  loaded(locale: string): T | undefined;
  load(locale: string): Promise<T>;
}

export function messageSet<T>(english: T, loaders: Record<string, () => Promise<T>>): MessageSet<T> {
  const loaderByLocale = new Map(
    Object.entries(loaders).map(([path, load]) => [path.slice(path.lastIndexOf('/') + 1, -'.ts'.length), load]),
  );
  const loaded = new Map<string, T>([['en', english]]);
  return {
    locales: ['en', ...loaderByLocale.keys()],
    loaded: (locale) => loaded.get(locale),
    async load(locale) {
      const cached = loaded.get(locale);
      if (cached) return cached;
      const load = loaderByLocale.get(locale);
      const messages = load ? await load() : english;
      loaded.set(locale, messages);
      return messages;
    },
  };
}

// The enrollment's strings (src/locales/*.ts), each language in its own small chunk.
const enrollmentMessages = messageSet<Messages>(
  en,
  import.meta.glob<Messages>(['../../locales/*.ts', '!../../locales/en.ts'], { import: 'default' }),
);

export const availableLocales: readonly string[] = enrollmentMessages.locales;
export const loadedMessages = (locale: string) => enrollmentMessages.loaded(locale);
export const loadMessages = (locale: string) => enrollmentMessages.load(locale);
