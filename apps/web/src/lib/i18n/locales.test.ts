import { describe, expect, it } from 'vitest';
import en from '../../locales/en';
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

describe('the translations', () => {
  const english = flatten(en);

  it('include English and German, found by file name', () => {
    expect(availableLocales).toEqual(expect.arrayContaining(['en', 'de']));
  });

  it.each(availableLocales.filter((locale) => locale !== 'en'))(
    '%s has every string, none empty, with the same {name} slots',
    async (locale) => {
      const translated = flatten(await loadMessages(locale));
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [path, text] of translated) {
        expect(text.trim(), path).not.toBe('');
        expect(slots(text), path).toEqual(slots(english.get(path)!));
      }
    },
  );
});
