import { describe, expect, it } from 'vitest';
import { buildOtpauthUri, parseServerKeyUri } from '../src/otpauth-uri.js';

describe('the otpauth key URI', () => {
  it('puts the issuer in the label and in issuer=, leaving SHA1 implicit', () => {
    expect(
      buildOtpauthUri({ issuer: 'Example Corp', accountName: 'alice', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30 }),
    ).toBe('otpauth://totp/Example%20Corp:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example%20Corp&digits=6&period=30');
  });

  it('writes other algorithms in upper case and escapes the account name', () => {
    const uri = buildOtpauthUri({ issuer: 'ACME', accountName: 'a:b@c', secret: 'AAAA', algorithm: 'SHA512', digits: 8, period: 60 });
    expect(uri).toBe('otpauth://totp/ACME:a%3Ab%40c?secret=AAAA&issuer=ACME&algorithm=SHA512&digits=8&period=60');
  });

  it("reads the parameters privacyIDEA really used from its own key URI", () => {
    expect(
      parseServerKeyUri('otpauth://totp/TOTP0000011D?secret=Y4ES&period=30&digits=6&creator=privacyidea&issuer=privacyIDEA&serial=TOTP0000011D'),
    ).toEqual({ digits: 6, period: 30 });
    expect(parseServerKeyUri('otpauth://totp/X?secret=A&period=60&digits=8&algorithm=sha256')).toEqual({ digits: 8, period: 60, algorithm: 'SHA256' });
    expect(parseServerKeyUri('not a uri')).toEqual({});
  });
});
