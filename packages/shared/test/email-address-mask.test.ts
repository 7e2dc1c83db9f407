import { describe, expect, it } from 'vitest';
import { maskEmailAddress } from '../src/email-address-mask.js';

describe('maskEmailAddress', () => {
  it('keeps the first character of the local part and the domain', () => {
    expect(maskEmailAddress('alice@example.org')).toBe('a•••@example.org');
    expect(maskEmailAddress('a@example.org')).toBe('a•••@example.org');
    expect(maskEmailAddress('Ünal.Öz@beispiel.de')).toBe('Ü•••@beispiel.de');
    expect(maskEmailAddress('"odd@name"@example.org')).toBe('"•••@example.org');
  });

  it('shows nothing of something that is no address', () => {
    expect(maskEmailAddress('')).toBe('•••');
    expect(maskEmailAddress('no-at-sign')).toBe('•••');
    expect(maskEmailAddress('@example.org')).toBe('•••');
  });
});
