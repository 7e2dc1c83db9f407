import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SoftwareAuthenticator, type CreationOptionsJSON } from '../src/index.js';
import { expectRecorded } from './support/expect-recorded.js';
import { Lab, type LiveResponse } from './support/recorded-lab.js';
import { exchange } from './support/recording.js';

/**
 * recorded-api-more.md §5 (W0–W9b): privacyIDEA 3.11's passkey token. W3 and W5 replay the recorded virtual
 * authenticator's registration and login byte for byte (the test fixes the nonce and transaction id the simulator
 * hands out, and uses the recorded serial), so the real attestation and signature are verified by the simulator.
 * The software authenticator covers what the recording has no bytes for: other origins, challenges, replays.
 */
const THREADS = { 'detail.threadid': 'type' } as const;
const W2_CHALLENGE = { challenge: 'mqbIwp1B8t9jvgO6oxJRXeFCDMwUCUX2vBarAL05LCk', transactionId: '07253952696661460631' };
const W4_CHALLENGE = { challenge: 'eyY_CQwx8MBk0bs4NWPlzxZvgfWb-DvbmKu1icknXfs', transactionId: '09634141410771073639' };
const TOKEN_LIST_LOOSE = {
  'result.value.tokens[*].id': 'type',
  'result.value.tokens[*].user_id': 'type',
  'result.value.tokens[*].info.creation_date': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/,
  'result.value.tokens[*].info.assignment_date': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/,
  'result.value.tokens[*].info.fido2_user_id': /^[A-Za-z0-9_-]{86}$/,
} as const;

interface InitDetail {
  detail: { serial: string; transaction_id: string; passkey_registration: PiRegistration };
}
interface PiRegistration {
  challenge: string;
  rp: { id: string; name: string };
  user: { id: string; name: string; displayName: string };
  excludeCredentials: { id: string; type: string }[];
}

/** privacyIDEA's UI feeds the challenge string's bytes into the ceremony (W2 → W3): the standard JSON is their base64url. */
function creationOptions(registration: PiRegistration): CreationOptionsJSON {
  return { ...registration, challenge: Buffer.from(registration.challenge, 'utf8').toString('base64url') };
}

describe('passkey, recorded §5', () => {
  let lab: Lab;
  beforeEach(async () => {
    lab = await Lab.start({ passOnNoToken: true, verifyEnrollment: true });
  });
  afterEach(() => lab.close());

  it('W0: without the relying-party policy init is refused and nothing is made', async () => {
    lab.sim.setFido2Policy(undefined);
    expectRecorded(await lab.send('W0'), 'W0');
    expect(lab.sim.tokensOf('bob')).toEqual([]);
  });

  it('W2 → W2a → W3 → W3a → W4 → W5 → W5b: the recorded registration and login verify for real', async () => {
    lab.sim.presetFido2Challenge(W2_CHALLENGE);
    const w2 = await lab.send('W2', { params: { serial: 'PIPK0000CB4D' } });
    expectRecorded(w2, 'W2', { loose: { ...THREADS, 'detail.passkey_registration.user.id': /^[A-Za-z0-9_-]{86}$/ } });
    expectRecorded(await lab.send('W2a'), 'W2a', { loose: TOKEN_LIST_LOOSE });

    const w3 = await lab.send('W3');
    expectRecorded(w3, 'W3');
    expectRecorded(await lab.send('W3a'), 'W3a', { loose: TOKEN_LIST_LOOSE });

    lab.sim.presetFido2Challenge(W4_CHALLENGE);
    expectRecorded(await lab.send('W4'), 'W4', { loose: THREADS });
    expectRecorded(await lab.send('W5'), 'W5', { loose: THREADS });
    expect(lab.sim.tokensOf('bob')[0]?.info['sign_count']).toBe('2');
    expectRecorded(await lab.send('W5b'), 'W5b');
  });

  it('W3 with another Origin header, or none, does not enroll; the token stays in clientwait', async () => {
    lab.sim.presetFido2Challenge(W2_CHALLENGE);
    await lab.send('W2', { params: { serial: 'PIPK0000CB4D' } });
    const foreign = await lab.send('W3', { headers: { Origin: 'https://evil.example' } });
    expect(foreign.status).toBe(400);
    expect(errorOf(foreign)).toEqual({
      code: 404,
      message: 'ERR404: Invalid registration response: Unexpected client data origin "http://localhost:8093", expected "https://evil.example"',
    });
    const { request } = exchange('W3');
    const { Origin: _origin, ...withoutOrigin } = request.headers;
    const bare = await lab.call('POST', '/token/init', { json: JSON.parse(request.body ?? '{}'), headers: withoutOrigin });
    expect(errorOf(bare)).toEqual({ code: 905, message: 'ERR905: Missing parameter: HTTP_ORIGIN' });
    expect(lab.sim.tokensOf('bob').map((t) => [t.rollout_state, t.active])).toEqual([['clientwait', false]]);
  });

  it('W3 against another challenge (a second step 1) is refused as "not the expected challenge"', async () => {
    await lab.send('W2', { params: { serial: 'PIPK0000CB4D' } }); // random nonce, so the recorded answer cannot match
    const tid = W2_CHALLENGE.transactionId;
    lab.sim.presetFido2Challenge({ challenge: 'x'.repeat(43), transactionId: tid });
    await lab.send('W2', { params: { serial: 'PIPK0000CB4D' } });
    const response = await lab.send('W3');
    expect(errorOf(response)).toEqual({ code: 404, message: 'ERR404: Invalid registration response: Client data challenge was not expected challenge' });
  });

  it('step 2 after the challenge expired (120 s) is refused', async () => {
    lab.sim.presetFido2Challenge(W2_CHALLENGE);
    await lab.send('W2', { params: { serial: 'PIPK0000CB4D' } });
    lab.clock.advance(120_000);
    expect(errorOf(await lab.send('W3'))).toEqual({
      code: 404,
      message: 'ERR404: The enrollment challenge does not exist or has timed out for PIPK0000CB4D',
    });
  });

  it('W8 → W9, W9b: an abandoned step 1 locks erin out under passOnNoToken; deleting it lets her through again', async () => {
    const accept = { message: "user has no token, accepted due to 'pol-passonnotoken'" };
    expect(detailOf(await lab.call('POST', '/validate/check', { form: { user: 'erin', realm: 'example', pass: 'x' } }))).toMatchObject(accept);
    const w8 = await lab.initToken({ type: 'passkey', user: 'erin', realm: 'example', description: 'erin abandoned passkey' });
    expect(w8.status).toBe(200);
    expectRecorded(await lab.send('W9'), 'W9', { loose: THREADS });
    expectRecorded(await lab.send('W9b'), 'W9b', { loose: THREADS });
    const serial = (w8.body as InitDetail).detail.serial;
    expect(serial).toMatch(/^PIPK[0-9A-F]{8}$/);
    expect((await lab.call('DELETE', `/token/${serial}`)).status).toBe(200);
    expect(detailOf(await lab.call('POST', '/validate/check', { form: { user: 'erin', realm: 'example', pass: 'x' } }))).toMatchObject(accept);
  });
});

describe('passkey relying-party policy through the control API', () => {
  it('POST sets it, DELETE removes it (then init answers W0)', async () => {
    const lab = await Lab.start({ control: true });
    try {
      const set = await lab.call('POST', '/_sim/fido2-policy', { json: { rpId: 'example.org', rpName: 'Example' } });
      expect(set.body).toEqual({ policy: { rpId: 'example.org', rpName: 'Example' } });
      const bad = await lab.call('POST', '/_sim/fido2-policy', { json: { rpId: 'not a domain', rpName: 'x' } });
      expect(bad.status).toBe(400);
      const init = await lab.initToken({ type: 'passkey', user: 'carol', realm: 'example' });
      expect((init.body as InitDetail).detail.passkey_registration.rp).toEqual({ id: 'example.org', name: 'Example' });
      expect((await lab.call('DELETE', '/_sim/fido2-policy')).body).toEqual({ policy: null });
      expectRecorded(await lab.send('W0'), 'W0');
    } finally {
      await lab.close();
    }
  });
});

describe('passkey with a software authenticator', () => {
  let lab: Lab;
  const origin = 'https://enroll.example.org';
  beforeEach(async () => {
    lab = await Lab.start({ passOnNoToken: true });
    lab.sim.setFido2Policy({ rpId: 'example.org', rpName: 'Example' });
  });
  afterEach(() => lab.close());

  async function stepOne(user = 'carol', serial?: string): Promise<InitDetail['detail']> {
    const response = await lab.initToken({ type: 'passkey', user, realm: 'example', ...(serial === undefined ? {} : { serial }) });
    expect(response.status, response.text).toBe(200);
    return (response.body as InitDetail).detail;
  }

  function stepTwo(detail: InitDetail['detail'], credential: ReturnType<SoftwareAuthenticator['create']>, headers = { Origin: origin }) {
    return lab.call('POST', '/token/init', {
      json: {
        type: 'passkey',
        serial: detail.serial,
        transaction_id: detail.transaction_id,
        credential_id: credential.id,
        rawId: credential.rawId,
        attestationObject: credential.response.attestationObject,
        clientDataJSON: credential.response.clientDataJSON,
        authenticatorAttachment: credential.authenticatorAttachment,
      },
      headers,
    });
  }

  async function login(
    authenticator: SoftwareAuthenticator,
    overrides: Parameters<SoftwareAuthenticator['get']>[2] = {},
    headers = { Origin: origin },
    tamper: (fields: Record<string, string>) => Record<string, string> = (fields) => fields,
  ) {
    const init = await lab.call('POST', '/validate/initialize', { json: { type: 'passkey' }, headers });
    const passkey = (init.body as { detail: { passkey: { challenge: string; rpId: string; transaction_id: string } } }).detail.passkey;
    const assertion = authenticator.get({ challenge: Buffer.from(passkey.challenge).toString('base64url'), rpId: passkey.rpId }, origin, overrides);
    return lab.call('POST', '/validate/check', {
      json: tamper({
        transaction_id: passkey.transaction_id,
        credential_id: assertion.id,
        authenticatorData: assertion.response.authenticatorData,
        clientDataJSON: assertion.response.clientDataJSON,
        signature: assertion.response.signature,
        userHandle: assertion.response.userHandle,
      }),
      headers,
    });
  }

  it('registers, logs in, counts up, and excludes the enrolled credential from the next registration', async () => {
    const authenticator = new SoftwareAuthenticator();
    const detail = await stepOne();
    expect(detail.passkey_registration.rp).toEqual({ id: 'example.org', name: 'Example' });
    const credential = authenticator.create(creationOptions(detail.passkey_registration), origin);
    const done = await stepTwo(detail, credential);
    expect(done.status, done.text).toBe(200);
    expect(done.body).not.toHaveProperty('detail');
    const [token] = lab.sim.tokensOf('carol');
    expect(token).toMatchObject({ tokentype: 'passkey', active: true, rollout_state: 'enrolled' });
    expect(token?.info).toMatchObject({ sign_count: '1', backed_up: 'False', device_type: 'single_device', aaguid: '01020304-0506-0708-0102-030405060708' });

    const accepted = await login(authenticator);
    expect(accepted.body).toMatchObject({ result: { authentication: 'ACCEPT', value: true }, detail: { username: 'carol', serial: detail.serial } });
    expect(lab.sim.tokensOf('carol')[0]?.info['sign_count']).toBe('2');

    const next = await stepOne();
    expect(next.passkey_registration.excludeCredentials).toEqual([{ id: credential.id, type: 'public-key' }]);
    expect(next.passkey_registration.user.id).toBe(detail.passkey_registration.user.id);
  });

  it('a credential for another origin, rp id or ceremony type, or garbage, is refused; the token stays unfinished', async () => {
    const detail = await stepOne();
    const options = creationOptions(detail.passkey_registration);
    const cases: [ReturnType<SoftwareAuthenticator['create']>, string][] = [
      [new SoftwareAuthenticator().create(options, 'https://other.example.org'), 'Unexpected client data origin "https://other.example.org", expected "https://enroll.example.org"'],
      [new SoftwareAuthenticator().create(options, origin, { type: 'webauthn.get' }), 'Unexpected client data type "webauthn.get", expected "webauthn.create"'],
      [new SoftwareAuthenticator().create(options, origin, { rpIdForHash: 'evil.org' }), 'Unexpected RP ID hash'],
      [new SoftwareAuthenticator().create(options, origin, { challenge: 'AAAA' }), 'Client data challenge was not expected challenge'],
    ];
    for (const [credential, reason] of cases) {
      const response = await stepTwo(detail, credential);
      expect(errorOf(response).message).toContain(reason);
    }
    const good = new SoftwareAuthenticator().create(options, origin);
    const garbage = await stepTwo(detail, { ...good, response: { ...good.response, attestationObject: 'bm90IGNib3I' } });
    expect(errorOf(garbage).code).toBe(404);
    expect(lab.sim.tokensOf('carol').map((t) => t.rollout_state)).toEqual(['clientwait']);
    // The challenge survives failed attempts until it expires: the right credential still enrolls.
    expect((await stepTwo(detail, good)).status).toBe(200);
  });

  it('a login from a foreign origin or with a forged signature is REJECT without detail; an unknown credential finds no token', async () => {
    const authenticator = new SoftwareAuthenticator();
    const detail = await stepOne();
    await stepTwo(detail, authenticator.create(creationOptions(detail.passkey_registration), origin));
    const rejected = await login(authenticator, { origin: 'https://evil.example.org' });
    expect(rejected.body).toMatchObject({ id: 2, result: { authentication: 'REJECT', status: true, value: false } });
    expect(rejected.body).not.toHaveProperty('detail');
    const forged = await login(authenticator, {}, { Origin: origin }, (fields) => {
      const signature = Buffer.from(fields['signature'] ?? '', 'base64url');
      signature.writeUInt8(signature.readUInt8(signature.length - 1) ^ 1, signature.length - 1);
      return { ...fields, signature: signature.toString('base64url') };
    });
    expect(forged.body).toMatchObject({ result: { authentication: 'REJECT', value: false } });
    expect(lab.sim.tokensOf('carol')[0]?.info['sign_count']).toBe('1');
    expect((await login(authenticator)).body).toMatchObject({ result: { authentication: 'ACCEPT' } });
    const stranger = new SoftwareAuthenticator();
    stranger.create(creationOptions(detail.passkey_registration), origin);
    const unknown = await login(stranger);
    expect(detailOf(unknown)).toMatchObject({ message: 'No token found for the given credential ID or transaction ID!' });
  });

  it('/validate/initialize needs a relying-party policy that matches without a user (realm "")', async () => {
    lab.sim.setFido2Policy({ rpId: 'example.org', rpName: 'Example', realm: 'example' });
    expect(await stepOne()).toHaveProperty('passkey_registration'); // /token/init has a user: the realm policy matches
    const init = await lab.call('POST', '/validate/initialize', { json: { type: 'passkey' }, headers: { Origin: origin } });
    expect(init.status).toBe(403);
    expect(errorOf(init)).toEqual({ code: 303, message: 'Missing policy for webauthn_relying_party_id, unable to create challenge!' });
  });

  it('a chosen serial is kept (init_token uses param serial), and init without a user is refused and leaves nothing', async () => {
    const detail = await stepOne('carol', 'PIENTEST0001');
    expect(detail.serial).toBe('PIENTEST0001');
    const ownerless = await lab.initToken({ type: 'passkey' });
    expect(errorOf(ownerless)).toEqual({ code: 9051, message: 'ERR9051: User must be provided for passkey enrollment!' });
    expect(lab.sim.tokens().map((t) => t.serial)).toEqual(['PIENTEST0001']);
  });

  it('step 2 for a serial that was deleted makes a new active keyless token (send it only for a token that exists)', async () => {
    const detail = await stepOne();
    await lab.call('DELETE', `/token/${detail.serial}`);
    const credential = new SoftwareAuthenticator().create(creationOptions(detail.passkey_registration), origin);
    const response = await lab.call('POST', '/token/init', {
      json: { type: 'passkey', user: 'carol', realm: 'example', serial: detail.serial, transaction_id: detail.transaction_id, credential_id: credential.id, rawId: credential.rawId, attestationObject: credential.response.attestationObject, clientDataJSON: credential.response.clientDataJSON, authenticatorAttachment: 'platform' },
      headers: { Origin: origin },
    });
    expect(response.status).toBe(200);
    expect(lab.sim.tokensOf('carol').map((t) => [t.serial, t.active, t.rollout_state])).toEqual([[detail.serial, true, '']]);
  });
});

function errorOf(response: LiveResponse): { code: number; message: string } {
  return (response.body as { result: { error: { code: number; message: string } } }).result.error;
}

function detailOf(response: LiveResponse): unknown {
  return (response.body as { detail?: unknown }).detail;
}
