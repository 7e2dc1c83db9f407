import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectRecorded } from './support/expect-recorded.js';
import { GENERATED_ENROLLMENT, Lab, otpOf } from './support/recorded-lab.js';
import { inStep, RECORDED_SEEDS } from './support/recording.js';

interface InitBody {
  detail: { serial: string; rollout_state: string; googleurl: { value: string }; oathurl: { value: string }; otpkey: { value: string; value_b32: string } };
}

const ALICE_SEED_PARAMS = {
  type: 'totp',
  otpkey: RECORDED_SEEDS.alice,
  serial: 'TOTP0000011D',
  user: 'alice',
  realm: 'example',
  otplen: '6',
  hashlib: 'sha1',
  timeStep: '30',
  description: 'lab totp for alice',
};

describe('POST /token/init (recorded §3, §10)', () => {
  let lab: Lab;
  beforeEach(async () => {
    lab = await Lab.start();
  });
  afterEach(() => lab.close());

  it('c1: genkey creates an active totp token with a generated serial and seed, rollout_state ""', async () => {
    const response = await lab.send('c1');
    expectRecorded(response, 'c1', { loose: GENERATED_ENROLLMENT });
    const { detail } = response.body as InitBody;
    const seed = detail.otpkey.value.slice('seed://'.length);
    expect(detail.googleurl.value).toContain(`secret=${detail.otpkey.value_b32}&`);
    expect(detail.oathurl.value).toContain(`key=${seed}&`);
    expect(lab.token(detail.serial)).toMatchObject({
      active: true,
      rollout_state: '',
      failcount: 0,
      maxfail: 10,
      count: 0,
      otpkeyHex: seed,
      username: 'alice',
      user_id: '36f1bd76-7f88-1041-8589-b36386ce3025',
    });
  });

  it("c1 with the recorded seed and serial reproduces the recorded URLs and seed exactly", async () => {
    // The request differs from c1 only by naming the seed and serial, so every URL must come out as recorded.
    expectRecorded(await lab.initToken(ALICE_SEED_PARAMS), 'c1');
  });

  it('g13b without otplen/hashlib/timeStep gives the same 6/sha1/30', async () => {
    const response = await lab.initToken({ type: 'totp', genkey: '1', user: 'bob', realm: 'example' });
    const serial = (response.body as InitBody).detail.serial;
    expect(lab.token(serial)).toMatchObject({ otplen: 6, hashlib: 'sha1', timeStep: 30, timeWindow: 180 });
  });

  it.each(['j9', 'j10'])('%s: an unknown user or realm is 400/904', async (id) => {
    expectRecorded(await lab.send(id), id);
    expect(lab.sim.tokens()).toEqual([]);
  });

  it('j11: neither genkey nor otpkey is 400/905 Missing parameter otpkey', async () => {
    expectRecorded(await lab.send('j11'), 'j11');
  });

  it('j12: an unknown type is privacyIDEA\'s generic 500 (a server bug, reproduced)', async () => {
    expectRecorded(await lab.send('j12'), 'j12');
  });

  it('j13: genkey with otpkey ignores the otpkey; without a user the verify policy does not apply', async () => {
    lab.sim.setPolicies({ verifyEnrollment: true });
    const response = await lab.send('j13');
    expectRecorded(response, 'j13', {
      loose: {
        'detail.serial': /^TOTP[0-9A-F]{8}$/,
        'detail.googleurl.value': GENERATED_ENROLLMENT['detail.googleurl.value'] ?? 'type',
        'detail.oathurl.value': GENERATED_ENROLLMENT['detail.oathurl.value'] ?? 'type',
        'detail.otpkey.value': /^seed:\/\/(?!3132333435363738393031323334353637383930)[0-9a-f]{40}$/,
      },
    });
    expect((response.body as InitBody).detail.rollout_state).toBe('');
  });

  it('j18: an existing serial with another type is 400/301', async () => {
    await lab.initToken(ALICE_SEED_PARAMS);
    expectRecorded(await lab.send('j18'), 'j18');
  });

  it('accepts a client-chosen serial and an explicit seed', async () => {
    const response = await lab.initToken({ type: 'totp', serial: 'MYSERIAL1', otpkey: '3132333435363738393031323334353637383930' });
    expect((response.body as InitBody).detail.serial).toBe('MYSERIAL1');
    expect(lab.token('MYSERIAL1')).toMatchObject({ otpkeyHex: '3132333435363738393031323334353637383930', rollout_state: '' });
  });

  it('re-initialising an existing serial without verify re-keys it (3.11 behaviour)', async () => {
    await lab.initToken(ALICE_SEED_PARAMS);
    lab.clock.set(inStep(59862608));
    const accepted = await lab.check({ serial: 'TOTP0000011D', pass: otpOf(RECORDED_SEEDS.alice, 59862608) });
    expect((accepted.body as { result: { value: boolean } }).result.value).toBe(true);

    const createdAt = lab.token('TOTP0000011D').info['creation_date'];
    lab.clock.advance(3_600_000);
    const rekeyed = await lab.initToken({ serial: 'TOTP0000011D', type: 'totp', genkey: '1' });
    expect(rekeyed.status).toBe(200);
    const token = lab.token('TOTP0000011D');
    expect(token.otpkeyHex).not.toBe(RECORDED_SEEDS.alice);
    // init_token dates every init (recorded-api-3.13.md C3a: creation_date updated).
    expect(token.info['creation_date']).not.toBe(createdAt);
    expect(Date.parse(token.info['creation_date'] ?? '')).toBe(Math.floor(lab.clock.now() / 1000) * 1000);
    expect(token).toMatchObject({ count: 0, failcount: 0, username: 'alice' });
    const oldCode = await lab.check({ serial: 'TOTP0000011D', pass: otpOf(RECORDED_SEEDS.alice, 59862609) });
    expect((oldCode.body as { detail: { message: string } }).detail.message).toBe('wrong otp value');
  });

  it('puts a non-SHA1 algorithm, upper-case, into the otpauth URL and checks codes with it', async () => {
    const seed = '3132333435363738393031323334353637383930313233343536373839303132';
    const response = await lab.initToken({ type: 'totp', serial: 'SHA256TOK', otpkey: seed, hashlib: 'sha256', otplen: '8', timeStep: '60' });
    const { detail } = response.body as InitBody;
    expect(detail.googleurl.value).toBe(
      `otpauth://totp/SHA256TOK?secret=${detail.otpkey.value_b32}&algorithm=SHA256&period=60&digits=8&creator=privacyidea&issuer=privacyIDEA&serial=SHA256TOK`,
    );
    lab.clock.set(1795878240_000);
    const step = Math.floor(1795878240 / 60);
    const check = await lab.check({ serial: 'SHA256TOK', pass: otpOf(seed, step, { digits: 8, algorithm: 'SHA256' }) });
    expect((check.body as { result: { value: boolean } }).result.value).toBe(true);
  });

  it('generates 32- and 64-byte seeds for sha256 and sha512', async () => {
    for (const [hashlib, hexLength] of [['sha256', 64], ['sha512', 128]] as const) {
      const response = await lab.initToken({ type: 'totp', genkey: '1', hashlib });
      expect((response.body as InitBody).detail.otpkey.value).toMatch(new RegExp(`^seed://[0-9a-f]{${hexLength}}$`));
    }
  });

  it('enrolls hotp tokens: OATH serial, counter=1 in the URL, counter-based codes', async () => {
    const seed = '3132333435363738393031323334353637383930';
    const response = await lab.initToken({ type: 'hotp', genkey: '1' });
    const { detail } = response.body as InitBody;
    expect(detail.serial).toMatch(/^OATH[0-9A-F]{8}$/);
    expect(detail.googleurl.value).toMatch(/^otpauth:\/\/hotp\/OATH[0-9A-F]{8}\?secret=[A-Z2-7]{32}&counter=1&digits=6&creator=privacyidea&issuer=privacyIDEA&serial=OATH[0-9A-F]{8}$/);
    expect(detail.oathurl.value).not.toContain('timeBased');

    await lab.initToken({ type: 'hotp', serial: 'HOTP1', otpkey: seed });
    // RFC 4226 Appendix D: counter 0 → 755224, counter 1 → 287082.
    const first = await lab.check({ serial: 'HOTP1', pass: '755224' });
    const replay = await lab.check({ serial: 'HOTP1', pass: '755224' });
    const second = await lab.check({ serial: 'HOTP1', pass: '287082' });
    expect([first, replay, second].map((r) => (r.body as { detail: { message: string } }).detail.message)).toEqual([
      'matching 1 tokens',
      'wrong otp value. previous otp used again',
      'matching 1 tokens',
    ]);
    expect(lab.token('HOTP1').count).toBe(2);
  });

  it('rejects parameters the simulator cannot honour with 400/905', async () => {
    const responses = await Promise.all([
      lab.initToken({ type: 'totp', otpkey: 'not-hex' }),
      lab.initToken({ type: 'totp', genkey: '1', hashlib: 'md5' }),
      lab.initToken({ type: 'totp', genkey: '1', otplen: '4' }),
    ]);
    for (const response of responses) {
      expect(response.status).toBe(400);
      expect((response.body as { result: { error: { code: number } } }).result.error.code).toBe(905);
    }
  });
});
