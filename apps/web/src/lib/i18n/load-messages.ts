import en, { type Messages } from '../../locales/en';

// Every file in src/locales is a language: adding one is adding a file. English is bundled (it is the fallback);
// the others are loaded on demand, each in its own small chunk.
const loaders = import.meta.glob<Messages>(['../../locales/*.ts', '!../../locales/en.ts'], { import: 'default' });

const loaderByLocale = new Map(
  Object.entries(loaders).map(([path, load]) => [path.slice(path.lastIndexOf('/') + 1, -'.ts'.length), load]),
);

export const availableLocales: readonly string[] = ['en', ...loaderByLocale.keys()];

const loaded = new Map<string, Messages>([['en', en]]);

/** The messages of a language already loaded (English always is), without waiting. */
export function loadedMessages(locale: string): Messages | undefined {
  return loaded.get(locale);
}

export async function loadMessages(locale: string): Promise<Messages> {
  const cached = loaded.get(locale);
  if (cached) return cached;
  const load = loaderByLocale.get(locale);
  const messages = load ? await load() : en;
  loaded.set(locale, messages);
  return messages;
}
