import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectRecorded } from './support/expect-recorded.js';
import { Lab } from './support/recorded-lab.js';

describe('fault injection', () => {
  let lab: Lab;
  beforeEach(async () => {
    lab = await Lab.start();
  });
  afterEach(() => lab.close());

  it('error500 answers privacyIDEA\'s generic 500 for the next N matching requests, without side effects', async () => {
    lab.sim.injectFault({ endpoint: 'POST /token/init', fault: { kind: 'error500' }, times: 2 });
    const first = await lab.initToken({ type: 'totp', genkey: '1' });
    const second = await lab.initToken({ type: 'totp', genkey: '1' });
    expectRecorded(first, 'j12');
    expectRecorded(second, 'j12');
    expect(lab.sim.tokens()).toEqual([]);
    const third = await lab.initToken({ type: 'totp', genkey: '1' });
    expect(third.status).toBe(200);
    expect(lab.sim.faults()).toEqual([]);
  });

  it('lets the first `after` matching requests through, so a test can fail exactly the second step of an enrollment', async () => {
    lab.sim.injectFault({ endpoint: 'POST /token/init', fault: { kind: 'error500' }, times: 1, after: 1 });
    expect(lab.sim.faults()).toEqual([{ endpoint: 'POST /token/init', fault: { kind: 'error500' }, times: 1, after: 1 }]);
    expect((await lab.initToken({ type: 'totp', genkey: '1' })).status).toBe(200);
    expectRecorded(await lab.initToken({ type: 'totp', genkey: '1' }), 'j12');
    expect((await lab.initToken({ type: 'totp', genkey: '1' })).status).toBe(200);
    expect(lab.sim.faults()).toEqual([]);
  });

  it('leaves other endpoints alone', async () => {
    lab.sim.injectFault({ endpoint: 'POST /token/init', fault: { kind: 'error500' } });
    expect((await lab.call('GET', '/token/')).status).toBe(200);
  });

  it('matches route keys with path parameters, such as DELETE /token/:serial', async () => {
    await lab.initToken({ type: 'totp', genkey: '1', serial: 'DOOMED' });
    lab.sim.injectFault({ endpoint: 'DELETE /token/:serial', fault: { kind: 'error500' }, times: 1 });
    expect((await lab.call('DELETE', '/token/DOOMED')).status).toBe(500);
    expect(lab.sim.tokens()).toHaveLength(1);
    expect((await lab.call('DELETE', '/token/DOOMED')).status).toBe(200);
  });

  it('latency delays the answer by wall-clock time, then answers normally', async () => {
    lab.sim.injectFault({ endpoint: 'GET /healthz/', fault: { kind: 'latency', ms: 150 }, times: 1 });
    const started = performance.now();
    const slow = await lab.call('GET', '/healthz/');
    const slowMs = performance.now() - started;
    expect(slow.status).toBe(200);
    expect(slowMs).toBeGreaterThanOrEqual(140);
    const fastStarted = performance.now();
    await lab.call('GET', '/healthz/');
    expect(performance.now() - fastStarted).toBeLessThan(140);
  });

  it('latency and error500 compose: slow, then failing', async () => {
    lab.sim.injectFault({ endpoint: '*', fault: { kind: 'latency', ms: 100 }, times: 1 });
    lab.sim.injectFault({ endpoint: '*', fault: { kind: 'error500' }, times: 1 });
    const started = performance.now();
    const response = await lab.call('POST', '/validate/check', { form: { user: 'bob', pass: 'x' } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    expect(response.status).toBe(500);
  });

  it('reset destroys the connection without an answer', async () => {
    lab.sim.injectFault({ endpoint: 'POST /auth', fault: { kind: 'reset' }, times: 1 });
    await expect(lab.adminJwt()).rejects.toThrow(TypeError);
    await expect(lab.adminJwt()).resolves.toMatch(/^ey/);
  });

  it('hang never answers; close() still ends the request and resolves', async () => {
    lab.sim.injectFault({ endpoint: 'POST /validate/check', fault: { kind: 'hang' } });
    const hanging = fetch(`${lab.sim.url}/validate/check`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'user=bob&pass=x',
    });
    const outcome = await Promise.race([
      hanging.then(() => 'answered', () => 'failed'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 200)),
    ]);
    expect(outcome).toBe('still waiting');
    await lab.close();
    await expect(hanging).rejects.toThrow(TypeError);
  });

  it('applies until cleared when times is omitted', async () => {
    lab.sim.injectFault({ endpoint: 'GET /token/', fault: { kind: 'error500' } });
    for (let i = 0; i < 3; i++) expect((await lab.call('GET', '/token/')).status).toBe(500);
    lab.sim.clearFaults();
    expect((await lab.call('GET', '/token/')).status).toBe(200);
  });

  it('rejects malformed rules', () => {
    expect(() => lab.sim.injectFault({ endpoint: '', fault: { kind: 'error500' } })).toThrow(/endpoint/);
    expect(() => lab.sim.injectFault({ endpoint: '*', fault: { kind: 'latency', ms: -1 } })).toThrow(/ms/);
    expect(() => lab.sim.injectFault({ endpoint: '*', fault: { kind: 'error500' }, times: 0 })).toThrow(/times/);
  });
});
