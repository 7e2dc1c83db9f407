import { describe, expect, it } from 'vitest';
import { recordedShapeMismatches } from './support/match-recorded-shape.js';
import { exchange } from './support/recording.js';

// The conformance tests are only as strict as this matcher: it must reject every kind of drift.
describe('recordedShapeMismatches', () => {
  const recorded = exchange('e1').body as Record<string, unknown>;
  const live = (): Record<string, unknown> => ({
    ...structuredClone(recorded),
    time: 1795878250.5,
    signature: `rsa_sha256_pss:${'ab'.repeat(256)}`,
  });

  it('accepts a body equal to the recording apart from time and signature', () => {
    expect(recordedShapeMismatches(live(), recorded)).toEqual([]);
  });

  it('rejects a different key order', () => {
    const { detail, id, ...rest } = live();
    expect(recordedShapeMismatches({ id, detail, ...rest }, recorded)).toEqual([
      expect.stringContaining('(root): key order id, detail'),
    ]);
  });

  it('rejects missing and extra keys', () => {
    const body = live();
    delete body['versionnumber'];
    body['extra'] = 1;
    expect(recordedShapeMismatches(body, recorded)).toEqual([
      '(root): missing keys versionnumber',
      '(root): unexpected keys extra',
    ]);
  });

  it('rejects another type or value, and names the path', () => {
    const body = live();
    body['id'] = '2';
    (body['detail'] as Record<string, unknown>)['message'] = 'matching 2 tokens';
    expect(recordedShapeMismatches(body, recorded)).toEqual([
      'detail.message: expected "matching 1 tokens", got "matching 2 tokens"',
      'id: expected a number (2), got "2"',
    ]);
  });

  it('rejects a malformed signature and a non-numeric time', () => {
    const body = { ...live(), time: '1795878250.5', signature: 'rsa_sha256_pss:abc' };
    expect(recordedShapeMismatches(body, recorded)).toHaveLength(2);
  });

  it('matches placeholders by pattern and loose paths by type or pattern', () => {
    const withPlaceholders = { token: '<admin-jwt>', url: 'otpauth://x?secret=<value_b32>&n=1', time: '<time>', serial: 'TOTP0000011D' };
    const ok = { token: 'aaa.bbb.ccc', url: 'otpauth://x?secret=ABC234&n=1', time: 12.5, serial: 'TOTPDEADBEEF' };
    expect(recordedShapeMismatches(ok, withPlaceholders, { loose: { serial: /^TOTP[0-9A-F]{8}$/ } })).toEqual([]);
    const bad = { token: 'not a jwt', url: 'otpauth://x?secret=abc&n=1', time: 12.5, serial: 'OATH1' };
    expect(recordedShapeMismatches(bad, withPlaceholders, { loose: { serial: /^TOTP[0-9A-F]{8}$/ } })).toHaveLength(3);
  });

  it('compares arrays item by item and by length', () => {
    expect(recordedShapeMismatches({ a: [1, 2] }, { a: [1, 2, 3] })).toEqual(['a: expected 3 items, got 2']);
    expect(recordedShapeMismatches({ a: [{ b: 1 }] }, { a: [{ b: 2 }] })).toEqual(['a[0].b: expected 2, got 1']);
    expect(recordedShapeMismatches({ a: [{ b: 1 }] }, { a: [{ b: 2 }] }, { loose: { 'a[*].b': 'type' } })).toEqual([]);
  });
});
