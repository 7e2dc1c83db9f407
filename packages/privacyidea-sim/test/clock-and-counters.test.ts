import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock, SystemClock } from '../src/index.js';
import { Lab, otpOf } from './support/recorded-lab.js';
import { inStep } from './support/recording.js';

describe('ManualClock and SystemClock', () => {
  it('ManualClock moves only when told to', () => {
    const clock = new ManualClock(1000);
    expect(clock.now()).toBe(1000);
    clock.advance(500);
    expect(clock.now()).toBe(1500);
    clock.set(42);
    expect(clock.now()).toBe(42);
  });

  it('SystemClock follows wall-clock time plus an offset', () => {
    const clock = new SystemClock();
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(50);
    clock.advance(3_600_000);
    expect(clock.now() - Date.now()).toBeGreaterThan(3_599_000);
    clock.set(0);
    expect(clock.now()).toBeLessThan(50);
  });
});

describe('the injectable clock drives the server', () => {
  let lab: Lab;
  beforeEach(async () => {
    lab = await Lab.start({ startMs: inStep(59862608, 0) });
  });
  afterEach(() => lab.close());

  it('TOTP steps, token dates and the envelope time follow the clock', async () => {
    const seed = '00112233445566778899aabbccddeeff00112233';
    await lab.initToken({ type: 'totp', otpkey: seed, serial: 'CLOCKED', user: 'alice' });
    expect(lab.token('CLOCKED').info['creation_date']).toBe('2026-11-28T15:04:00+00:00');
    lab.clock.advance(60_000);
    const response = await lab.check({ serial: 'CLOCKED', pass: otpOf(seed, 59862610) });
    expect(response.body).toMatchObject({ result: { value: true }, time: 1795878300 });
  });

  it('JWTs expire after exactly one hour of simulated time', async () => {
    const jwt = await lab.adminJwt();
    lab.clock.advance(3_599_999);
    expect((await lab.call('GET', '/token/', { auth: { raw: jwt } })).status).toBe(200);
    lab.clock.advance(1);
    const expired = await lab.call('GET', '/token/', { auth: { raw: jwt } });
    expect(expired.body).toMatchObject({ result: { error: { code: 4305 } } });
  });
});

describe('request counters', () => {
  let lab: Lab;
  beforeEach(async () => {
    lab = await Lab.start();
  });
  afterEach(() => lab.close());

  it('count requests per method and route, path parameters folded into the route key', async () => {
    lab.sim.resetRequestCounts();
    await lab.initToken({ type: 'totp', genkey: '1', serial: 'COUNTED' });
    await lab.call('POST', '/token/info/COUNTED/a', { form: { value: '1' } });
    await lab.call('POST', '/token/info/COUNTED/b', { form: { value: '2' } });
    await lab.call('POST', '/token/disable/COUNTED');
    await lab.call('DELETE', '/token/COUNTED');
    await lab.call('POST', '/auth/', { form: {} });
    expect(lab.sim.requestCounts()).toEqual({
      'POST /auth': 5,
      'POST /token/init': 1,
      'POST /token/info/:serial/:key': 2,
      'POST /token/disable/:serial': 1,
      'DELETE /token/:serial': 1,
      'POST /auth/': 1,
    });
  });

  it('count faulted requests too, and reset to empty', async () => {
    lab.sim.injectFault({ endpoint: 'POST /validate/check', fault: { kind: 'error500' }, times: 1 });
    await lab.check({ user: 'bob', pass: 'x' });
    expect(lab.sim.requestCounts()['POST /validate/check']).toBe(1);
    lab.sim.resetRequestCounts();
    expect(lab.sim.requestCounts()).toEqual({});
  });
});
