import en, { type MethodMessages } from '../../locales/methods/en';
import { chunkMessages, type ChunkI18n } from './chunk-messages';
import { messageSet } from './load-messages';

// The strings of the methods other than TOTP (passkey, email, recovery codes), one file per language in
// src/locales/methods/. Only the methods' own chunks import this module, so none of it is in the first download:
// English comes with the first method screen shown, another language is one more small chunk.
const methodMessages = messageSet<MethodMessages>(
  en,
  import.meta.glob<MethodMessages>(['../../locales/methods/*.ts', '!../../locales/methods/en.ts'], { import: 'default' }),
);

export const loadMethodMessages = (locale: string) => methodMessages.load(locale);

export type MethodI18n = ChunkI18n<MethodMessages>;

const { Provider, useMessages } = chunkMessages(methodMessages, 'useMethodI18n()');

/** The method strings with the host's overrides, next to the enrollment's; renders once they are there. */
export const MethodI18nProvider = Provider;
export const useMethodI18n: () => MethodI18n = useMessages;
