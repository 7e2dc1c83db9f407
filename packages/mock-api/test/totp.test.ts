import { describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32 } from '../src/base32.js';
import { isCurrentTotp, totp } from '../src/totp.js';

// RFC 6238, appendix B: the seeds are the ASCII strings below; the expected codes are 8 digits.
const seeds = {
  SHA1: '12345678901234567890',
  SHA256: '12345678901234567890123456789012',
  SHA512: '1234567890123456789012345678901234567890123456789012345678901234',
} as const;
const vectors = [
  { time: 59, SHA1: '94287082', SHA256: '46119246', SHA512: '90693936' },
  { time: 1111111109, SHA1: '07081804', SHA256: '68084774', SHA512: '25091201' },
  { time: 20000000000, SHA1: '65353130', SHA256: '77737706', SHA512: '47863826' },
];

const base32Of = (ascii: string) => encodeBase32(new TextEncoder().encode(ascii));

describe('TOTP on Web Crypto', () => {
  for (const vector of vectors) {
    for (const algorithm of ['SHA1', 'SHA256', 'SHA512'] as const) {
      it(`matches RFC 6238 for ${algorithm} at t=${vector.time}`, async () => {
        const code = await totp(base32Of(seeds[algorithm]), { algorithm, digits: 8, period: 30 }, vector.time * 1000);
        expect(code).toBe(vector[algorithm]);
      });
    }
  }

  it('accepts the code of the neighbouring time step, not the one after', async () => {
    const secret = base32Of(seeds.SHA1);
    const parameters = { algorithm: 'SHA1', digits: 8, period: 30 } as const;
    expect(await isCurrentTotp('94287082', secret, parameters, 59_000 + 30_000)).toBe(true);
    expect(await isCurrentTotp('94287082', secret, parameters, 59_000 + 60_000)).toBe(false);
  });
});

describe('base32', () => {
  it('round-trips bytes and encodes the RFC 4648 test vector without padding', () => {
    expect(encodeBase32(new TextEncoder().encode('foobar'))).toBe('MZXW6YTBOI');
    expect(new TextDecoder().decode(decodeBase32('MZXW6YTBOI'))).toBe('foobar');
  });
});
