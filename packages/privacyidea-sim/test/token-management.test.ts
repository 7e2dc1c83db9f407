import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRecorded } from './support/expect-recorded.js';
import { Lab } from './support/recorded-lab.js';
import { RECORDED_SEEDS, RECORDED_TIMES } from './support/recording.js';

const ALICE = 'TOTP0000011D';
/** The recording's clock gave creation 15:03:52 but assignment 15:03:51; the simulator writes both at once. */
const ASSIGNMENT_DATE = { 'result.value.tokens[*].info.assignment_date': /^2026-11-28T15:03:5[12]\+00:00$/ };

describe('disable / enable / list / delete, recorded §5, §9', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await Lab.start({ startMs: RECORDED_TIMES.c1 });
    await lab.initToken({
      type: 'totp',
      otpkey: RECORDED_SEEDS.alice,
      serial: ALICE,
      user: 'alice',
      realm: 'example',
      description: 'lab totp for alice',
    });
    await lab.initToken({ type: 'totp', genkey: '1', serial: 'TOTP0001F8B4' });
  });
  afterAll(() => lab.close());

  it('d1: the fresh token in the list, every field as recorded', async () => {
    expectRecorded(await lab.send('d1'), 'd1', { loose: ASSIGNMENT_DATE });
  });

  it('d2: disable answers value 1', async () => {
    expectRecorded(await lab.send('d2'), 'd2');
  });

  it('d3: the list shows it inactive', async () => {
    expectRecorded(await lab.send('d3'), 'd3', { loose: ASSIGNMENT_DATE });
  });

  it('d4: disabling again answers value 0 (no-op)', async () => {
    expectRecorded(await lab.send('d4'), 'd4');
  });

  it('d5: enable answers value 1', async () => {
    expectRecorded(await lab.send('d5'), 'd5');
    expect(lab.token(ALICE).active).toBe(true);
  });

  it('d6, d7: the path forms /token/disable/<serial> and /token/enable/<serial>', async () => {
    expectRecorded(await lab.send('d6'), 'd6');
    expect(lab.token(ALICE).active).toBe(false);
    expectRecorded(await lab.send('d7'), 'd7');
    expect(lab.token(ALICE).active).toBe(true);
  });

  it('d8: the list by user and realm', async () => {
    expectRecorded(await lab.send('d8'), 'd8', { loose: ASSIGNMENT_DATE });
  });

  it('f4: an unknown serial lists as count 0 (200)', async () => {
    expectRecorded(await lab.send('f4'), 'f4');
  });

  it('f5: disabling an unknown serial is 404/601', async () => {
    expectRecorded(await lab.send('f5'), 'f5');
  });

  it('j17: disable without serial or user is 400/905', async () => {
    expectRecorded(await lab.send('j17'), 'j17');
  });

  it('f1, f2, f3: delete answers 1, then 404/601; an unknown serial is 404/601', async () => {
    expectRecorded(await lab.send('f1'), 'f1');
    expectRecorded(await lab.send('f2'), 'f2');
    expectRecorded(await lab.send('f3'), 'f3');
    expect(lab.sim.tokens().map((t) => t.serial)).toEqual([ALICE]);
  });

  it('e10: /token/set maxfail= is silently ignored (value 0)', async () => {
    expectRecorded(await lab.send('e10'), 'e10');
    expect(lab.token(ALICE).maxfail).toBe(10);
  });

  it('e15: /token/set max_failcount= sets maxfail (value 1)', async () => {
    expectRecorded(await lab.send('e15'), 'e15');
    expect(lab.token(ALICE).maxfail).toBe(3);
  });

  it('e18: /token/reset sets failcount to 0', async () => {
    await lab.check({ serial: ALICE, pass: '000000' });
    expect(lab.token(ALICE).failcount).toBe(1);
    expectRecorded(await lab.send('e18'), 'e18');
    expect(lab.token(ALICE).failcount).toBe(0);
  });

  it('manages all tokens of a user with user= (and realm)', async () => {
    await lab.initToken({ type: 'totp', genkey: '1', serial: 'ALICE2', user: 'alice' });
    const disabled = await lab.call('POST', '/token/disable', { form: { user: 'alice', realm: 'example' } });
    expect((disabled.body as { result: { value: number } }).result.value).toBe(2);
    const enabled = await lab.call('POST', '/token/enable', { form: { user: 'alice' } });
    expect((enabled.body as { result: { value: number } }).result.value).toBe(2);
    const unknownUser = await lab.call('POST', '/token/disable', { form: { user: 'mallory' } });
    expect(unknownUser.status).toBe(400);
  });

  it('matches serials case-insensitively, as privacyIDEA\'s token query does', async () => {
    const response = await lab.call('POST', '/token/disable', { form: { serial: 'totp0000011d' } });
    expect((response.body as { result: { value: number } }).result.value).toBe(1);
    await lab.call('POST', '/token/enable', { form: { serial: ALICE } });
  });

  it('counts every attribute /token/set changed', async () => {
    const response = await lab.call('POST', '/token/set', {
      form: { serial: ALICE, description: 'set by /token/set', max_failcount: '5', count_window: '20' },
    });
    expect((response.body as { result: { value: number } }).result.value).toBe(3);
    expect(lab.token(ALICE)).toMatchObject({ description: 'set by /token/set', maxfail: 5 });
  });

  it('redirects /token to /token/ (Flask strict slashes) and answers 405 for a wrong method', async () => {
    const redirect = await lab.call('GET', '/token?serial=X');
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get('location')).toBe('/token/?serial=X');
    const wrongMethod = await lab.call('GET', '/token/init');
    expect(wrongMethod.status).toBe(405);
  });
});
