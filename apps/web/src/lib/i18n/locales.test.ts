import { describe, expect, it } from 'vitest';
import en from '../../locales/en';
import managementEn from '../../locales/management/en';
import methodsEn from '../../locales/methods/en';
import { loadManagementMessages } from '../../features/methods/i18n/management-i18n';
import { loadMethodMessages } from './method-messages';
import { availableLocales, loadMessages } from './load-messages';

/** Every string with its path (`code.wrong.other`), so a missing or extra key names itself. */
function flatten(messages: object, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') entries.set(`${prefix}${key}`, value);
    else for (const [path, text] of flatten(value as object, `${prefix}${key}.`)) entries.set(path, text);
  }
  return entries;
}

const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

/** The sets of strings: the enrollment's (bundled English), the management screens' and the methods' (own chunks). */
const sets = [
  { name: 'enrollment', english: flatten(en), load: (locale: string): Promise<object> => loadMessages(locale) },
  { name: 'management', english: flatten(managementEn), load: (locale: string): Promise<object> => loadManagementMessages(locale) },
  { name: 'methods', english: flatten(methodsEn), load: (locale: string): Promise<object> => loadMethodMessages(locale) },
];

describe('the translations', () => {

  it('include English and German, found by file name', () => {
    expect(availableLocales).toEqual(expect.arrayContaining(['en', 'de']));
  });

  const cases = sets.flatMap((set) => availableLocales.filter((locale) => locale !== 'en').map((locale) => [locale, set.name, set] as const));
  it.each(cases)(
    '%s has every %s string, none empty, with the same {name} slots',
    async (locale, _name, { english, load }) => {
      const translated = flatten(await load(locale));
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [path, text] of translated) {
        expect(text.trim(), path).not.toBe('');
        expect(slots(text), path).toEqual(slots(english.get(path)!));
      }
    },
  );
});
