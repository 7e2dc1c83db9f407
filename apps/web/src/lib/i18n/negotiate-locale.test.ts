import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './negotiate-locale';

describe('choosing the language', () => {
  const available = ['en', 'de', 'pt-BR'];

  it.each([
    [['de-AT', 'en'], 'de'],
    [['fr', 'de'], 'de'],
    [['PT-br'], 'pt-BR'],
    [['fr', 'it'], 'en'],
    [[], 'en'],
  ])('picks from %j: %s', (preferences, expected) => {
    expect(negotiateLocale(preferences, available)).toBe(expected);
  });
});
