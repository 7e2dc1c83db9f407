import { describe, expect, it } from 'vitest';
import { formatMessage, formatPlural } from './format-message';

describe('formatting messages', () => {
  it('fills the {name} slots and leaves unknown ones visible', () => {
    expect(formatMessage('{digits}-digit code for {who}', { digits: 6 })).toBe('6-digit code for {who}');
  });

  it('chooses the plural form by the language’s rules', () => {
    const forms = { one: '1 attempt left', other: '{count} attempts left' };
    expect(formatPlural('en', forms, 1)).toBe('1 attempt left');
    expect(formatPlural('en', forms, 0)).toBe('0 attempts left');
    expect(formatPlural('en', { other: '{count} left' }, 1)).toBe('1 left');
  });
});
