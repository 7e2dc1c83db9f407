import en, { type ManagementMessages } from '../../../locales/management/en';
import { chunkMessages, type ChunkI18n } from '../../../lib/i18n/chunk-messages';
import { messageSet } from '../../../lib/i18n/load-messages';

// The management screens' strings, one file per language like the enrollment's (src/locales/management/). English
// comes with these screens; another language is one more small chunk, fetched when the list is first shown.
const managementMessages = messageSet<ManagementMessages>(
  en,
  import.meta.glob<ManagementMessages>(['../../../locales/management/*.ts', '!../../../locales/management/en.ts'], { import: 'default' }),
);

export const loadManagementMessages = (locale: string) => managementMessages.load(locale);

export type ManagementI18n = ChunkI18n<ManagementMessages>;

const { Provider, useMessages } = chunkMessages(managementMessages, 'useManagementI18n()');

/** The management strings with the host's overrides, next to the enrollment's; renders once they are there. */
export const ManagementI18nProvider = Provider;
export const useManagementI18n: () => ManagementI18n = useMessages;
