import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSimulatorConfig } from '@pi-enroll/privacyidea-sim';
import { apiPaths, type TotpEnrollment, type Session } from '@pi-enroll/shared';
import type { ApiClient, ApiResponse } from '../support/api-client.js';
import { stopAllChildren, waitFor } from '@pi-enroll/test-processes';
import { signInAt, startBffProcess, startSimulatorProcess, totpAt, type BffProcess, type SimulatorProcess } from './support/child-processes.js';
import { startRedis, type RunningRedis } from '../support/redis-server.js';
import { startNginx, type Nginx } from './support/nginx.js';
import { parseMetrics, total } from './support/prometheus.js';

const METRICS_TOKEN = 'scale-out-scrape-token-0123';

const SWEEP_INTERVAL_SECONDS = 5;
const ABANDONED = ['walker1', 'walker2', 'walker3', 'walker4', 'walker5', 'walker6'];

/**
 * Two BFF processes (the built server) behind nginx's round robin, sharing SESSION_SECRET, one Redis and one
 * privacyIDEA (the simulator's CLI): what docs/operations.md says several replicas need.
 */
describe('two replicas behind nginx', () => {
  let dir: string;
  let redis: RunningRedis;
  let sim: SimulatorProcess;
  let replicas: { a: BffProcess; b: BffProcess };
  let nginx: Nginx;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pi-enroll-scale-out-'));
    const config = defaultSimulatorConfig();
    const realm = config.realms[0];
    if (realm === undefined) throw new Error('no realm');
    realm.users.push(...ABANDONED.map((username, i) => ({ username, password: `${username}-demo`, userid: `walker-${i}` })));
    await writeFile(join(dir, 'simulator.json'), JSON.stringify(config));
    sim = await startSimulatorProcess({ configPath: join(dir, 'simulator.json') });
    redis = await startRedis();
    const env = {
      SWEEP_INTERVAL_SECONDS: String(SWEEP_INTERVAL_SECONDS),
      RATE_LIMIT_ENROLL_PER_ADDRESS: '1000',
      RATE_LIMIT_LOGIN_PER_ADDRESS: '1000',
      REDIS_URL: redis.url,
      METRICS_TOKEN: METRICS_TOKEN,
    };
    const [a, b] = await Promise.all([startBffProcess('replica-a', sim.url, env), startBffProcess('replica-b', sim.url, env)]);
    replicas = { a, b };
    nginx = await startNginx([`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`]);
  });
  afterAll(async () => {
    await nginx?.stop();
    await stopAllChildren();
    await redis?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const replicaOf = (response: ApiResponse): string => {
    const upstream = response.headers.get('x-upstream') ?? '';
    return upstream === `127.0.0.1:${replicas.a.port}` ? 'a' : upstream === `127.0.0.1:${replicas.b.port}` ? 'b' : `unknown (${upstream})`;
  };

  /** Round robin alternates: once a probe was answered by the other replica, the next request goes to `target`. */
  const steerTo = async (target: 'a' | 'b') => {
    for (let probe = 0; probe < 4; probe += 1) {
      const response = await fetch(`${nginx.url}/healthz`, { signal: AbortSignal.timeout(5000) });
      if (replicaOf({ headers: response.headers } as ApiResponse) !== target) return;
    }
    throw new Error(`nginx does not alternate between the replicas (wanted ${target})`);
  };
  /** `request`, sent through nginx to the replica named, which must be the one that answered. */
  const on = async <T>(target: 'a' | 'b', request: () => Promise<ApiResponse<T>>): Promise<ApiResponse<T>> => {
    await steerTo(target);
    const response = await request();
    expect(replicaOf(response), `${response.status} ${response.text}`).toBe(target);
    return response;
  };
  const signIn = async (username: string): Promise<ApiClient> => signInAt(nginx.url, username, await sim.now());
  const metricsOf = async (replica: BffProcess) => parseMetrics(await (await fetch(`${replica.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` }, signal: AbortSignal.timeout(5000) })).text());

  it('continues an enrollment on whichever replica a request lands: start, reload, wrong code, confirm, cancel', async () => {
    const alice = await signIn('alice');
    const started = await on('a', () => alice.startEnrollment('Phone'));
    expect(started.status).toBe(201);
    const reloaded = await on('b', () => alice.get<TotpEnrollment>(apiPaths.enrollment));
    expect(reloaded.status).toBe(200);
    expect(reloaded.body.secret).toBe(started.body.secret);
    // Nothing exists in privacyIDEA yet, and the wrong-code counter lives in Redis, so the other replica knows it.
    expect(await sim.tokens('alice')).toEqual([]);
    expect(await on('a', () => alice.verify('000000'))).toMatchObject({ status: 422, body: { attemptsLeft: 4 } });
    expect((await on('b', () => alice.get<TotpEnrollment>(apiPaths.enrollment))).body.attemptsLeft).toBe(4);
    const confirmed = await on('b', async () => alice.verify(totpAt(started.body, await sim.now())));
    expect(confirmed.status).toBe(200);
    expect(await sim.tokens('alice')).toEqual([expect.objectContaining({ serial: confirmed.body.serial, active: true, rollout_state: 'enrolled' })]);

    const bob = await signIn('bob');
    const bobs = await on('a', () => bob.startEnrollment());
    expect(bobs.status).toBe(201);
    const cookieBeforeCancel = bob.cookieHeader;
    expect((await on('b', () => bob.delete(apiPaths.enrollment))).status).toBe(204);
    expect((await on('a', () => bob.get(apiPaths.enrollment))).status).toBe(404);
    // The cancelled enrollment is over on every replica, whatever cookie comes back.
    bob.cookieHeader = cookieBeforeCancel;
    expect((await on('a', async () => bob.verify(totpAt(bobs.body, await sim.now())))).body.code).toBe('no_pending_enrollment');
    expect(await sim.tokens('bob')).toEqual([]);
  });

  it('sweeps with both replicas at once: every stranded token deleted exactly once, no sweeper error', async () => {
    const abandoned: string[] = [];
    for (const username of ABANDONED) {
      const user = await signIn(username);
      const started = await user.startEnrollment();
      expect(started.status).toBe(201);
      // The confirmation breaks off after the token was created, and the clean-up fails too: a stranded token.
      await sim.injectFault({ endpoint: 'POST /token/init', fault: { kind: 'error500' }, times: 1, after: 1 });
      await sim.injectFault({ endpoint: 'DELETE /token/:serial', fault: { kind: 'error500' }, times: 1 });
      expect((await user.verify(totpAt(started.body, await sim.now()))).status).toBe(502);
      const [token] = await sim.tokens(username);
      expect(token).toMatchObject({ rollout_state: 'verify' });
      abandoned.push(token?.serial ?? '');
    }
    const before = { counts: await sim.requestCounts(), a: await metricsOf(replicas.a), b: await metricsOf(replicas.b) };
    // Slow deletions make one pass (6 × 1 s) longer than the sweep interval (5 s): the replicas' passes overlap.
    await sim.injectFault({ endpoint: 'DELETE /token/:serial', fault: { kind: 'latency', ms: 1000 } });
    await sim.advanceClock(121_000);
    try {
      await waitFor(async () => ((await sim.tokens()).some((token) => abandoned.includes(token.serial)) ? undefined : true), {
        timeoutMs: 30_000,
        what: 'the abandoned tokens to be swept',
        intervalMs: 250,
      });
      // Both replicas finish the pass they are in.
      await new Promise((resolve) => setTimeout(resolve, 1500));
    } finally {
      await sim.clearFaults();
    }

    const swept = [replicas.a, replicas.b].flatMap((replica) =>
      replica
        .logs()
        .filter((line) => line['msg'] === 'enrollment swept')
        .map((line) => ({ replica: replica.name, serial: String(line['serial']), user: String(line['user']) })),
    );
    expect(swept.map((line) => line.serial).sort()).toEqual([...abandoned].sort());
    const sweeperTrouble = [replicas.a, replicas.b].flatMap((replica) => replica.logs().filter((line) => line['component'] === 'sweeper' && Number(line['level']) >= 40));
    expect(sweeperTrouble).toEqual([]);

    const after = { counts: await sim.requestCounts(), a: await metricsOf(replicas.a), b: await metricsOf(replicas.b) };
    const delta = (replica: 'a' | 'b', name: string, labels: Record<string, string> = {}) => total(after[replica], name, labels) - total(before[replica], name, labels);
    expect(delta('a', 'pi_enroll_sweeper_deleted_total') + delta('b', 'pi_enroll_sweeper_deleted_total')).toBe(ABANDONED.length);
    expect(delta('a', 'pi_enroll_sweeper_failures_total') + delta('b', 'pi_enroll_sweeper_failures_total')).toBe(0);
    expect(delta('a', 'pi_enroll_sweeper_runs_total')).toBeGreaterThan(0);
    expect(delta('b', 'pi_enroll_sweeper_runs_total')).toBeGreaterThan(0);
    // Each deletes under the owner's lock; a replica that listed a token the other deleted meanwhile gets "no
    // such token" (601), which is not counted as deleted.
    const deletes = (after.counts['DELETE /token/:serial'] ?? 0) - (before.counts['DELETE /token/:serial'] ?? 0);
    const notFound = delta('a', 'pi_enroll_upstream_errors_total', { code: '601' }) + delta('b', 'pi_enroll_upstream_errors_total', { code: '601' });
    expect(deletes).toBeGreaterThanOrEqual(ABANDONED.length);
    expect(notFound).toBe(deletes - ABANDONED.length);
    console.info(
      `scale-out sweep: ${ABANDONED.length} stranded tokens, ${deletes} DELETEs (${notFound} answered 601 "not found"), ` +
        `swept by replica a: ${swept.filter((line) => line.replica === 'replica-a').length}, by replica b: ${swept.filter((line) => line.replica === 'replica-b').length}`,
    );
  });

  it('loses nothing when a replica is killed mid-enrollment: the user goes on through the other one', async () => {
    const erin = await signIn('erin');
    const erinStarted = await on('a', () => erin.startEnrollment());
    expect(erinStarted.status).toBe(201);

    // dave's confirmation is in flight on replica a (privacyIDEA is slow) when a is killed.
    const dave = await signIn('dave');
    const daveStarted = await on('b', () => dave.startEnrollment());
    await sim.injectFault({ endpoint: 'POST /token/init', fault: { kind: 'latency', ms: 1000 }, times: 1 });
    const initsBefore = (await sim.requestCounts())['POST /token/init'] ?? 0;
    await steerTo('a');
    const daveInFlight = dave.verify(totpAt(daveStarted.body, await sim.now()));
    await waitFor(async () => (((await sim.requestCounts())['POST /token/init'] ?? 0) > initsBefore ? true : undefined), { timeoutMs: 5000, what: "dave's init to reach privacyIDEA" });
    replicas.a.signal('SIGKILL');
    expect(await replicas.a.exited).toMatchObject({ signal: 'SIGKILL' });
    expect((await daveInFlight).status).toBe(502);
    // privacyIDEA created the token all the same and it waits in "verify".
    const [halfDone] = await waitFor(async () => {
      const tokens = await sim.tokens('dave');
      return tokens.length > 0 ? tokens : undefined;
    }, { timeoutMs: 5000, what: "dave's half-created token" });
    expect(halfDone).toMatchObject({ rollout_state: 'verify' });

    // erin reloads the page and confirms; every request now reaches replica b.
    const session = await erin.get<Session>(apiPaths.session);
    expect(replicaOf(session)).toBe('b');
    expect((session.body.pending as TotpEnrollment | null)?.secret).toBe(erinStarted.body.secret);
    const erinConfirmed = await erin.verify(totpAt(erinStarted.body, await sim.now()));
    expect(erinConfirmed.status).toBe(200);
    expect(replicaOf(erinConfirmed)).toBe('b');
    expect(await sim.tokens('erin')).toEqual([expect.objectContaining({ active: true, rollout_state: 'enrolled' })]);

    // dave types the next code once the dead replica's lock has lapsed (10 s after its last renewal).
    await new Promise((resolve) => setTimeout(resolve, 10_500));
    const retried = await dave.verify(totpAt(daveStarted.body, (await sim.now()) + 30_000));
    expect(retried.status).toBe(200);
    expect(replicaOf(retried)).toBe('b');
    // The half-made token of the dead replica's try is not his method: the sweeper removes it once it is overdue.
    await sim.advanceClock(121_000);
    const left = await waitFor(async () => {
      const tokens = await sim.tokens('dave');
      return tokens.length === 1 ? tokens : undefined;
    }, { timeoutMs: 15_000, what: "the sweeper to remove dave's half-made token", intervalMs: 250 });
    expect(left).toEqual([expect.objectContaining({ serial: retried.body.serial, active: true, rollout_state: 'enrolled' })]);
    expect(retried.body.serial).not.toBe(halfDone?.serial);
    expect(replicas.b.stderr.join('\n')).toBe('');
  });
});
