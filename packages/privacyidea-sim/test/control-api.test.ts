import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock, startSimulator, type RunningSimulator } from '../src/index.js';
import { otpOf } from './support/recorded-lab.js';

/** The `/_sim/` API that multi-process tests and QA use; plain JSON, outside the privacyIDEA surface. */
describe('control API (/_sim/)', () => {
  let sim: RunningSimulator;
  let clock: ManualClock;
  const control = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await fetch(`${sim.url}/_sim/${path}`, {
      method,
      ...(body !== undefined ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const seed = '3132333435363738393031323334353637383930';

  beforeEach(async () => {
    clock = new ManualClock(1_795_878_240_000);
    sim = await startSimulator({ clock, control: true });
  });
  afterEach(() => sim.close());

  it('moves the clock', async () => {
    expect(await control('POST', 'clock/advance', { ms: 30_000 })).toEqual({ status: 200, body: { now: 1_795_878_270_000 } });
    expect(await control('POST', 'clock/set', { ms: 5 })).toEqual({ status: 200, body: { now: 5 } });
    expect(clock.now()).toBe(5);
    expect((await control('POST', 'clock/advance', {})).status).toBe(400);
  });

  it('lists tokens, gives the current code of one, and clears them', async () => {
    await sim.close();
    sim = await startSimulator({
      clock,
      control: true,
      config: {
        realms: [{ name: 'example', resolver: 'r', users: [{ username: 'alice', password: 'p', userid: 'u1' }] }],
        admins: [{ username: 'admin', password: 'admin-demo' }],
        tokens: [{ serial: 'SEEDED', otpkey: seed, user: 'alice' }],
      },
    });
    const listed = await control('GET', 'tokens?user=alice');
    expect(listed.body['tokens']).toEqual([expect.objectContaining({ serial: 'SEEDED', username: 'alice', otpkeyHex: seed })]);
    const step = Math.floor(clock.now() / 30_000);
    expect((await control('GET', 'otp/SEEDED')).body).toEqual({ serial: 'SEEDED', otp: otpOf(seed, step) });
    expect((await control('GET', 'otp/SEEDED?offsetSteps=1')).body['otp']).toBe(otpOf(seed, step + 1));
    expect((await control('GET', 'otp/NOPE')).status).toBe(400);
    expect((await control('DELETE', 'tokens')).body).toEqual({ tokens: [] });
    expect(sim.tokens()).toEqual([]);
  });

  it('injects, lists and clears faults', async () => {
    const rule = { endpoint: 'GET /healthz/', fault: { kind: 'error500' }, times: 1 };
    expect(await control('POST', 'faults', rule)).toEqual({ status: 201, body: { faults: [rule] } });
    expect((await fetch(`${sim.url}/healthz/`)).status).toBe(500);
    expect((await fetch(`${sim.url}/healthz/`)).status).toBe(200);
    await control('POST', 'faults', { endpoint: '*', fault: { kind: 'hang' } });
    expect((await control('DELETE', 'faults')).body).toEqual({ faults: [] });
    expect((await control('POST', 'faults', { endpoint: '*', fault: { kind: 'explode' } })).status).toBe(400);
  });

  it('reports and resets request counts, without counting itself', async () => {
    await fetch(`${sim.url}/healthz/`);
    expect((await control('GET', 'requests')).body).toEqual({ counts: { 'GET /healthz/': 1 } });
    expect((await control('DELETE', 'requests')).body).toEqual({ counts: {} });
    expect(sim.requestCounts()).toEqual({});
  });

  it('switches policies per realm', async () => {
    expect((await control('POST', 'policies', { passOnNoToken: false })).body).toEqual({
      policies: { verifyEnrollment: true, passOnNoToken: false },
    });
    expect((await control('GET', 'policies?realm=example')).body).toEqual({ policies: { verifyEnrollment: true, passOnNoToken: false } });
    expect((await control('POST', 'policies', { realm: 'nosuchrealm', passOnNoToken: true })).status).toBe(400);
    expect((await control('POST', 'policies', { passOnNoToken: 'yes' })).status).toBe(400);
  });

  it('answers 404 for an unknown control endpoint', async () => {
    expect((await control('GET', 'nothing')).status).toBe(404);
  });
});
