import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRecorded } from './support/expect-recorded.js';
import { recordedShapeMismatches } from './support/match-recorded-shape.js';
import { Lab, otpOf, TOKEN_DATES } from './support/recorded-lab.js';
import { exchange, inStep, RECORDED_SEEDS, recording } from './support/recording.js';

const ALICE = 'TOTP0000011D';
const SEEDS = {
  dave: '1111111111111111111111111111111111111111',
  carol: '2222222222222222222222222222222222222222',
  erin: '3333333333333333333333333333333333333333',
};
const STEP = 59862608;

/** Values that depend on how often and when the token was used, which the recording does not fix. */
const USAGE = {
  ...TOKEN_DATES,
  'result.value.tokens[*].count': 'type',
  'result.value.tokens[*].info.count_auth': /^\d+$/,
  'result.value.tokens[*].info.count_auth_success': /^\d+$/,
  'result.value.tokens[*].info.timeShift': /^-?\d+\.0$/,
} as const;

interface ListValue {
  count: number;
  current: number;
  next: number | null;
  prev: number | null;
  tokens: { serial: string }[];
}

describe('tokeninfo, description and list filters, recorded §8', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await Lab.start({ startMs: inStep(STEP) });
    await lab.initToken({ type: 'totp', otpkey: RECORDED_SEEDS.alice, serial: ALICE, user: 'alice', realm: 'example', description: 'lab totp for alice' });
    await lab.check({ serial: ALICE, pass: otpOf(RECORDED_SEEDS.alice, STEP) });
    await lab.check({ serial: ALICE, pass: '000000' });
  });
  afterAll(() => lab.close());

  it.each(['i1', 'i2', 'i2b'])('%s: any tokeninfo key is accepted (value true)', async (id) => {
    expectRecorded(await lab.send(id), id);
  });

  it('stores tokeninfo values as strings, verbatim', () => {
    expect(lab.token(ALICE).info).toMatchObject({ ext_ref: 'abc-123', 'lab.owner': 'ops team', json_blob: '{"a":1}' });
  });

  it('i3: the used token in the list, every field in the recorded order and type', async () => {
    expectRecorded(await lab.send('i3'), 'i3', { loose: USAGE });
  });

  it('i11: set the description (value 1)', async () => {
    expectRecorded(await lab.send('i11'), 'i11');
  });

  it('i9, i9b: delete a tokeninfo key, and a missing one (both true)', async () => {
    expectRecorded(await lab.send('i9'), 'i9');
    expectRecorded(await lab.send('i9b'), 'i9b');
    expect(lab.token(ALICE).info).not.toHaveProperty('json_blob');
  });

  it('j8, i13: PI-Authorization and Authorization list the same token', async () => {
    expectRecorded(await lab.send('j8'), 'j8', { loose: USAGE });
    expectRecorded(await lab.send('i13'), 'i13', { loose: USAGE });
  });

  it('i12: internal keys can be overwritten, and the token then follows them', async () => {
    expectRecorded(await lab.send('i12'), 'i12');
    expect(lab.token(ALICE)).toMatchObject({ timeStep: 60 });
    lab.clock.set(inStep(STEP + 40));
    const thirtySecondCode = await lab.check({ serial: ALICE, pass: otpOf(RECORDED_SEEDS.alice, STEP + 40) });
    expect((thirtySecondCode.body as { detail: { message: string } }).detail.message).toBe('wrong otp value');
    // The code of the current 60 s step matches, but `count` still holds a 30 s step number, far larger: a replay.
    const sixtySecondCode = await lab.check({ serial: ALICE, pass: otpOf(RECORDED_SEEDS.alice, Math.floor(lab.clock.now() / 60_000)) });
    expect((sixtySecondCode.body as { detail: { message: string } }).detail.message).toBe('wrong otp value. previous otp used again');
    await lab.call('POST', `/token/info/${ALICE}/timeStep`, { form: { value: '30' } });
  });

  it('answers 404/601 for tokeninfo of an unknown serial and 400/905 without a value', async () => {
    const unknown = await lab.call('POST', '/token/info/NOSUCHSERIAL/key', { form: { value: 'x' } });
    const noValue = await lab.call('POST', `/token/info/${ALICE}/key`, { form: {} });
    expect([unknown.status, noValue.status]).toEqual([404, 400]);
  });

  describe('filters on GET /token/ (recorded table §8.3)', () => {
    beforeAll(async () => {
      // The recorded lab: dave enrolled via verify, carol enrolled then disabled, erin still in verify.
      // i11 ran after the filters in the recording: alice's description was still the original one.
      await lab.call('POST', `/token/description/${ALICE}`, { form: { description: 'lab totp for alice' } });
      lab.sim.setPolicies({ verifyEnrollment: true });
      lab.clock.set(inStep(STEP + 100));
      await lab.initToken({ type: 'totp', otpkey: SEEDS.dave, serial: 'TOTP0001D3FD', user: 'dave', description: 'dave verify-enroll' });
      await lab.initToken({ type: 'totp', otpkey: SEEDS.carol, serial: 'TOTP0002D94A', user: 'carol', description: 'carol phone' });
      await lab.initToken({ type: 'totp', otpkey: SEEDS.erin, serial: 'TOTP00034E49', user: 'erin', description: 'erin verify pending' });
      await lab.initToken({ serial: 'TOTP0001D3FD', type: 'totp', verify: otpOf(SEEDS.dave, STEP + 100) });
      await lab.initToken({ serial: 'TOTP0002D94A', type: 'totp', verify: otpOf(SEEDS.carol, STEP + 100) });
      await lab.call('POST', '/token/disable', { form: { serial: 'TOTP0002D94A' } });
    });

    it('starts from the recorded token states', () => {
      expect(lab.sim.tokens().map((t) => [t.serial, t.active, t.rollout_state])).toEqual([
        [ALICE, true, ''],
        ['TOTP0001D3FD', true, 'enrolled'],
        ['TOTP0002D94A', false, 'enrolled'],
        ['TOTP00034E49', true, 'verify'],
      ]);
    });

    it.each(recording.tokenListFilters.map((c) => [c.id, c.query, c] as const))('%s: ?%s', async (_id, query, expected) => {
      const response = await lab.call('GET', `/token/?${query}`);
      expect(response.status).toBe(200);
      const value = (response.body as { result: { value: ListValue } }).result.value;
      expect({ count: value.count, current: value.current, next: value.next, prev: value.prev }).toEqual({
        count: expected.count,
        current: expected.current,
        next: expected.next,
        prev: expected.prev,
      });
      expect(value.tokens.map((t) => t.serial)).toEqual(expected.serials);
      // The list envelope and each token object keep the recorded shape (§5.3 / §8.2).
      const shape = structuredClone(exchange('f4').body) as { result: { value: Record<string, unknown> } };
      shape.result.value = { ...value, tokens: [] };
      expect(recordedShapeMismatches({ ...(response.body as object), result: { status: true, value: { ...value, tokens: [] } } }, shape)).toEqual([]);
    });

    it('every listed token object has the fields of the recorded one, in order', async () => {
      const response = await lab.call('GET', '/token/');
      const recordedToken = (exchange('d1').body as { result: { value: { tokens: Record<string, unknown>[] } } }).result.value.tokens[0] ?? {};
      for (const token of (response.body as { result: { value: { tokens: Record<string, unknown>[] } } }).result.value.tokens) {
        expect(Object.keys(token)).toEqual(Object.keys(recordedToken));
        expect(Object.values(token['info'] as object).every((v) => typeof v === 'string')).toBe(true);
      }
    });

    it.each([
      ['serial=TOTP000*', [ALICE, 'TOTP0001D3FD', 'TOTP0002D94A', 'TOTP00034E49']],
      ['serial=*d3fd', ['TOTP0001D3FD']],
      ['serial=totp0000011d', [ALICE]],
      ['serial=TOTP000', []],
      ['realm=example&active=true', [ALICE, 'TOTP0001D3FD', 'TOTP00034E49']],
      ['description=*PHONE*', ['TOTP0002D94A']],
    ])('?%s (serial wildcards follow privacyIDEA\'s source, not the recording)', async (query, serials) => {
      const response = await lab.call('GET', `/token/?${query}`);
      expect((response.body as { result: { value: ListValue } }).result.value.tokens.map((t) => t.serial)).toEqual(serials);
    });

    it("a user's JWT lists only that user's tokens, whatever the query says", async () => {
      const response = await lab.call('GET', '/token/?user=dave', { auth: { user: 'erin' } });
      expect((response.body as { result: { value: ListValue } }).result.value.tokens.map((t) => t.serial)).toEqual(['TOTP00034E49']);
    });

    it('pages beyond the end answer an empty page', async () => {
      const response = await lab.call('GET', '/token/?pagesize=2&page=3');
      expect((response.body as { result: { value: ListValue } }).result.value).toMatchObject({ count: 4, current: 3, next: null, prev: 2, tokens: [] });
    });

    it('an unknown user in the filter is 400/904', async () => {
      const response = await lab.call('GET', '/token/?user=mallory&realm=example');
      expect(response.status).toBe(400);
    });
  });
});
