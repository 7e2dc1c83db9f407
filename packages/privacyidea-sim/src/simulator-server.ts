import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authorizeRequest } from './authorization.js';
import { SystemClock, type Clock } from './clock.js';
import { CONTROL_PREFIX, handleControlRequest, type SimulatorControls } from './control-api.js';
import type { AdminScopePolicy } from './admin-policies.js';
import { THREAD_ID, errorEnvelope, versionedEnvelope, withSignature, type Envelope } from './envelope.js';
import { FaultRegistry, type FaultRule } from './faults.js';
import { htmlPage, redirectPage } from './html-pages.js';
import { PrivacyIdeaError, privacyIdeaErrors } from './privacyidea-error.js';
import { pythonJsonDumps } from './python-json.js';
import { RequestCounter } from './request-counter.js';
import { MalformedBodyError, requestParams } from './request-params.js';
import type { PrivacyIdeaResponse } from './request-context.js';
import { sharedResponseSigner, type ResponseSigner } from './response-signer.js';
import { matchRoute, type RouteDefinition } from './route-table.js';
import {
  credentialsOf,
  defaultSimulatorConfig,
  validateSimulatorConfig,
  type DemoCredentials,
  type Fido2Policy,
  type HardeningPolicies,
  type RealmPolicies,
  type SimulatorConfig,
  type SimulatorSeedToken,
} from './simulator-config.js';
import { SimulatorState } from './simulator-state.js';
import { newTokenRecord, ownerOf } from './token-enrollment.js';
import { currentTimeStep, otpForCounter } from './token-otp.js';
import { snapshotToken } from './token-store.js';
import type { PrivacyIdeaVersion, VersionProfile } from './version-profiles.js';

export interface StartSimulatorOptions {
  /** Realms, users, admins, policies, seed tokens; defaults to `defaultSimulatorConfig()`. */
  config?: SimulatorConfig;
  /** The privacyIDEA version to speak; overrides `config.version`; default 3.11. */
  version?: PrivacyIdeaVersion;
  /** Defaults to wall-clock time (`SystemClock`); tests pass a `ManualClock`. */
  clock?: Clock;
  /** 0 (default) = any free port. */
  port?: number;
  host?: string;
  /** The HS256 secret for JWTs; random by default. */
  jwtSecret?: string;
  /** Serve the `/_sim/` control API (default false; the CLI turns it on). */
  control?: boolean;
}

export interface RunningSimulator extends SimulatorControls {
  /** e.g. `http://127.0.0.1:40123`, no trailing slash. */
  url: string;
  clock: Clock;
  /** The live config: `setPolicies` changes show here. */
  config: SimulatorConfig;
  /** Who can sign in: `admin` is the first configured admin. */
  demoCredentials: DemoCredentials;
  /** The public key behind every response `signature`. */
  signingPublicKeyPem: string;
  /** Stops listening, ends hanging requests and open sockets. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

export async function startSimulator(options: StartSimulatorOptions = {}): Promise<RunningSimulator> {
  const config = validateSimulatorConfig(structuredClone(options.config ?? defaultSimulatorConfig()), 'simulator config');
  if (options.version !== undefined) config.version = validateSimulatorConfig({ ...config, version: options.version }, 'startSimulator').version;
  const clock = options.clock ?? new SystemClock();
  const state = new SimulatorState(config, clock, options.jwtSecret ?? randomBytes(32).toString('hex'));
  for (const seed of config.tokens ?? []) seedToken(state, seed);
  const signer = await sharedResponseSigner();
  const faults = new FaultRegistry();
  const counter = new RequestCounter();
  const pendingTimers = new Set<NodeJS.Timeout>();

  const realmOrDefault = (name: string | undefined) => {
    const realm = name === undefined ? state.users.defaultRealm() : state.users.realm(name);
    if (realm === undefined) throw new Error(`no realm "${name}" in the simulator config`);
    return realm;
  };
  const controls: SimulatorControls = {
    clock,
    tokens: () => state.tokens.all().sort((a, b) => a.id - b.id).map(snapshotToken),
    tokensOf(username, realm) {
      const resolved = state.users.resolve(username, realm);
      if (resolved === undefined) return [];
      return state.tokens.ofUser(resolved.user.username, resolved.realm.name).sort((a, b) => a.id - b.id).map(snapshotToken);
    },
    clearTokens: () => {
      state.tokens.clear();
      state.challenges.clear();
      state.fido2Challenges.clear();
    },
    currentOtp(serial, otpOptions = {}) {
      const token = state.tokens.find(serial);
      if (token === undefined) throw new Error(`no token ${serial}`);
      if (token.tokentype === 'tan') throw new Error(`${serial} is a tan token: its codes are the ones its init answered`);
      const base = token.tokentype === 'totp' ? currentTimeStep(token, clock.now()) : token.count;
      return otpForCounter(token, base + (otpOptions.offsetSteps ?? 0));
    },
    setPolicies(policies, realm) {
      const target = realmOrDefault(realm);
      target.policies = { ...target.policies, ...policies };
    },
    policies: (realm): RealmPolicies => state.users.policiesOf(realmOrDefault(realm)),
    version: (): VersionProfile => state.profile,
    setAdminPolicies(policies: AdminScopePolicy[]) {
      config.adminPolicies = validateSimulatorConfig({ ...config, adminPolicies: policies }, 'setAdminPolicies').adminPolicies ?? [];
    },
    adminPolicies: () => structuredClone([...state.adminPolicies()]),
    setHardening(hardening: Partial<HardeningPolicies>) {
      config.hardening = { ...config.hardening, ...validateSimulatorConfig({ ...config, hardening }, 'setHardening').hardening };
    },
    hardening: (): HardeningPolicies => state.hardening(),
    setFido2Policy(policy: Fido2Policy | undefined) {
      if (policy === undefined) delete config.fido2;
      else config.fido2 = validateSimulatorConfig({ ...config, fido2: policy }, 'setFido2Policy').fido2;
    },
    presetFido2Challenge: (challenge) => state.fido2Challenges.preset(challenge),
    fido2Policy: (): Fido2Policy | undefined => (config.fido2 === undefined ? undefined : { ...config.fido2 }),
    injectFault: (rule: FaultRule) => faults.inject(rule),
    clearFaults: () => faults.clear(),
    faults: () => faults.active(),
    requestCounts: () => counter.snapshot(),
    resetRequestCounts: () => counter.reset(),
    outbox: (filter = {}) => state.outbox.mails(filter),
    clearOutbox: () => state.outbox.clear(),
    setSmtpDown: (down) => state.outbox.setDown(down),
    smtpDown: () => state.outbox.down,
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    if (body === undefined) return sendHtml(res, 413, htmlPage(413));

    if (options.control === true && url.pathname.startsWith(CONTROL_PREFIX)) {
      let input: unknown;
      try {
        input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(res, 400, JSON.stringify({ error: 'the body is not JSON' }));
      }
      const answer = handleControlRequest(controls, method, url, input);
      return sendJson(res, answer.status, JSON.stringify(answer.body));
    }

    const match = matchRoute(method, url.pathname);
    counter.record(match.key);
    const { latencyMs, outcome } = faults.take(match.key);
    if (latencyMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          pendingTimers.delete(timer);
          resolve();
        }, latencyMs);
        pendingTimers.add(timer);
      });
    }
    switch (outcome.kind) {
      case 'reset':
        req.socket.destroy();
        return;
      case 'hang':
        // Never answered; close() destroys the socket.
        return;
      case 'error500':
        return sendEnvelope(res, signer, state.profile, { status: 500, body: errorEnvelope(privacyIdeaErrors.internalServerError(), clock.now()), signed: true });
      case 'none':
        break;
    }

    switch (match.kind) {
      case 'not-found':
        return sendHtml(res, 404, htmlPage(404));
      case 'method-not-allowed':
        res.setHeader('Allow', [...match.allowed, 'OPTIONS'].join(', '));
        return sendHtml(res, 405, htmlPage(405));
      case 'redirect': {
        const location = `${match.location}${url.search}`;
        res.setHeader('Location', location);
        return sendHtml(res, 308, redirectPage(location));
      }
      case 'route':
        break;
    }

    const nowMs = clock.now();
    let response: PrivacyIdeaResponse;
    try {
      const params = requestParams(url, req.headers, body);
      const caller = match.route.roles.length === 0 ? undefined : authorizeRequest(req.headers, match.route.roles, state.jwtSecret, nowMs);
      response = await match.route.handler({ params, pathParams: match.pathParams, headers: req.headers, nowMs, caller, state });
      if (hidesSpecificMessages(state, match.route)) response = { ...response, body: withGenericRejection(response.body) };
    } catch (error) {
      if (error instanceof MalformedBodyError) return sendHtml(res, 400, htmlPage(400));
      let known = error instanceof PrivacyIdeaError ? error : privacyIdeaErrors.internalServerError();
      if (!(error instanceof PrivacyIdeaError)) console.error('privacyidea-sim: unexpected error', error);
      if (hidesSpecificMessages(state, match.route)) known = new PrivacyIdeaError(known.httpStatus, known.code, GENERIC_AUTH_FAILURE, known.detailIsEmptyObject);
      const status = hidesAuthErrorStatus(state, match.route, known.httpStatus) ? 401 : known.httpStatus;
      response = { status, body: errorEnvelope(known, nowMs), signed: true };
    }
    sendEnvelope(res, signer, state.profile, response);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('privacyidea-sim: request failed', error);
      if (!res.headersSent) {
        sendEnvelope(res, signer, state.profile, { status: 500, body: errorEnvelope(privacyIdeaErrors.internalServerError(), clock.now()), signed: true });
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  return {
    ...controls,
    url: `http://${host}:${address.port}`,
    config,
    demoCredentials: credentialsOf(config),
    signingPublicKeyPem: signer.publicKeyPem,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of pendingTimers) clearTimeout(timer);
        pendingTimers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function seedToken(state: SimulatorState, seed: SimulatorSeedToken): void {
  const resolved = seed.user === undefined ? undefined : state.users.resolve(seed.user, seed.realm);
  const tokentype = seed.type ?? 'totp';
  const token = state.tokens.add(
    newTokenRecord({
      serial: seed.serial,
      tokentype,
      key: { otpkeyHex: seed.otpkey.toLowerCase(), otplen: seed.otplen ?? 6, hashlib: seed.hashlib ?? 'sha1', timeStep: seed.timeStep ?? 30 },
      owner: resolved === undefined ? undefined : ownerOf(resolved),
      description: seed.description ?? '',
      // 3.14's migration rewrites the "" of finished tokens to "enrolled" (#5070).
      rolloutState: seed.rolloutState === undefined || seed.rolloutState === '' ? state.finishedRolloutState() : seed.rolloutState,
      pin: '',
      nowMs: state.clock.now(),
    }),
  );
  token.active = seed.active ?? true;
}

/**
 * 3.14 `hide_auth_error_status` (api/lib/utils.py get_auth_error_status_code): on /auth and /validate every 4xx
 * error answer becomes 401; 401 and 5xx stay as they are, other endpoints are not affected.
 */
function hidesAuthErrorStatus(state: SimulatorState, route: RouteDefinition, status: number): boolean {
  if (!state.hardening().hideAuthErrorStatus || status < 400 || status >= 500) return false;
  return route.pattern === '/auth' || route.pattern.startsWith('/validate/');
}

const GENERIC_AUTH_FAILURE = 'Authentication failed.';

function hidesSpecificMessages(state: SimulatorState, route: RouteDefinition): boolean {
  return state.hardening().hideSpecificErrorMessage && (route.pattern === '/auth' || route.pattern.startsWith('/validate/'));
}

/** `hide_specific_error_message`: a REJECT keeps only a generic message and the thread id in its `detail`. */
function withGenericRejection(body: Envelope): Envelope {
  const result = body['result'] as { authentication?: unknown; value?: unknown } | undefined;
  if (result?.authentication !== 'REJECT' || result.value === true) return body;
  return { ...body, detail: { message: GENERIC_AUTH_FAILURE, threadid: THREAD_ID } };
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Adds the profile's version fields and signs like privacyIDEA (over the sorted-key dump of the body). */
function sendEnvelope(res: ServerResponse, signer: ResponseSigner, profile: VersionProfile, response: PrivacyIdeaResponse): void {
  const versioned = versionedEnvelope(response.body, profile);
  const body: Envelope = response.signed
    ? withSignature(versioned, signer.sign(pythonJsonDumps(versioned, { sortKeys: true })), profile)
    : versioned;
  sendJson(res, response.status, pythonJsonDumps(body));
}

function sendJson(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html) });
  res.end(html);
}
