import { describe, expect, it } from 'vitest';
import { normalizeOtpCode, problemTypeUri } from '../src/index.js';

describe('the shared contract', () => {
  it('names every problem type by a stable, kebab-case URI', () => {
    expect(problemTypeUri('attempts_exhausted')).toBe('https://pi-enroll.dev/problems/attempts-exhausted');
  });

  it('accepts codes pasted with spaces', () => {
    expect(normalizeOtpCode(' 123 456\t')).toBe('123456');
  });
});
