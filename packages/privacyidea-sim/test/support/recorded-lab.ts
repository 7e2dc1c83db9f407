import { createHmac } from 'node:crypto';
import { HOTP, Secret } from 'otpauth';
import { ManualClock, startSimulator, type PrivacyIdeaVersion, type RunningSimulator, type SimulatorConfig } from '../../src/index.js';
import { exchange, RECORDED_TIMES } from './recording.js';

export interface LiveResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined for a non-JSON body. */
  body: unknown;
}

export interface LabOptions {
  verifyEnrollment?: boolean;
  passOnNoToken?: boolean;
  startMs?: number;
  config?: SimulatorConfig;
  control?: boolean;
  version?: PrivacyIdeaVersion;
}

type Auth = 'admin' | 'none' | { user: string } | { raw: string };

/**
 * The recorded lab (realm `example`, alice…erin, admin) on a ManualClock, spoken to over real HTTP. `send(id)`
 * replays a recorded request, filling in its placeholders (`<admin-jwt>`, passwords) and optional overrides.
 */
export class Lab {
  private constructor(
    readonly sim: RunningSimulator,
    readonly clock: ManualClock,
  ) {}

  static async start(options: LabOptions = {}): Promise<Lab> {
    const clock = new ManualClock(options.startMs ?? RECORDED_TIMES.c1);
    const sim = await startSimulator({
      clock,
      ...(options.config !== undefined ? { config: options.config } : {}),
      ...(options.control !== undefined ? { control: options.control } : {}),
      ...(options.version !== undefined ? { version: options.version } : {}),
    });
    sim.setPolicies({ verifyEnrollment: options.verifyEnrollment ?? false, passOnNoToken: options.passOnNoToken ?? false });
    return new Lab(sim, clock);
  }

  close(): Promise<void> {
    return this.sim.close();
  }

  async adminJwt(): Promise<string> {
    const { username, password } = this.sim.demoCredentials.admin;
    return this.jwtFor(username, password);
  }

  async userJwt(username = 'alice'): Promise<string> {
    const user = this.sim.demoCredentials.users.find((u) => u.username === username);
    if (user === undefined) throw new Error(`no demo user ${username}`);
    return this.jwtFor(user.username, user.password);
  }

  private async jwtFor(username: string, password: string): Promise<string> {
    const response = await this.call('POST', '/auth', { form: { username, password } });
    const token = (response.body as { result?: { value?: { token?: unknown } } }).result?.value?.token;
    if (response.status !== 200 || typeof token !== 'string') throw new Error(`cannot sign in as ${username}: ${response.text}`);
    return token;
  }

  /** Replays recorded exchange `id`; `params` replace form/JSON fields, `headers` replace headers. */
  async send(id: string, overrides: { params?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<LiveResponse> {
    const { request } = exchange(id);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries({ ...request.headers, ...overrides.headers })) {
      headers[name] = await this.fillHeader(value);
    }
    let body = request.body === undefined ? undefined : this.fillBody(request.body);
    if (body !== undefined && overrides.params !== undefined) {
      if (headers['Content-Type'] === 'application/json') {
        body = JSON.stringify({ ...(JSON.parse(body) as Record<string, unknown>), ...overrides.params });
      } else {
        const form = new URLSearchParams(body);
        for (const [key, value] of Object.entries(overrides.params)) form.set(key, value);
        body = form.toString();
      }
    }
    return this.fetch(request.method, request.path, headers, body);
  }

  /** Any request; `auth` defaults to the admin JWT for /token and /user, none otherwise. */
  async call(
    method: string,
    path: string,
    options: { form?: Record<string, string>; json?: unknown; headers?: Record<string, string>; auth?: Auth } = {},
  ): Promise<LiveResponse> {
    const headers: Record<string, string> = { ...options.headers };
    const auth = options.auth ?? (/^\/(token|user)\//.test(path) ? 'admin' : 'none');
    if (auth === 'admin') headers['Authorization'] = await this.adminJwt();
    else if (auth !== 'none') headers['Authorization'] = 'raw' in auth ? auth.raw : await this.userJwt(auth.user);
    let body: string | undefined;
    if (options.form !== undefined) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    } else if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    return this.fetch(method, path, headers, body);
  }

  /** `POST /token/init` as the admin. */
  initToken(params: Record<string, string>): Promise<LiveResponse> {
    return this.call('POST', '/token/init', { form: params });
  }

  /** `POST /validate/check` (no auth). */
  check(params: Record<string, string>): Promise<LiveResponse> {
    return this.call('POST', '/validate/check', { form: params });
  }

  token(serial: string) {
    const token = this.sim.tokens().find((t) => t.serial === serial);
    if (token === undefined) throw new Error(`no token ${serial}`);
    return token;
  }

  private async fetch(method: string, path: string, headers: Record<string, string>, body: string | undefined): Promise<LiveResponse> {
    const response = await fetch(`${this.sim.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}), redirect: 'manual' });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, text, body: parsed };
  }

  private async fillHeader(value: string): Promise<string> {
    if (value.includes('<admin-jwt>')) return value.replace('<admin-jwt>', await this.adminJwt());
    if (value.includes('<user-jwt>')) return value.replace('<user-jwt>', await this.userJwt('alice'));
    if (/<[a-z-]+>/.test(value)) throw new Error(`header placeholder ${value} needs an override`);
    return value;
  }

  private fillBody(body: string): string {
    const alice = this.sim.demoCredentials.users.find((u) => u.username === 'alice');
    return body
      .replaceAll('<admin-password>', this.sim.demoCredentials.admin.password)
      .replaceAll('<alice-password>', alice?.password ?? '');
  }
}

/** The RFC 4226 code of `counter` (a TOTP code is the HOTP code of its time step). */
export function otpOf(seedHex: string, counter: number, options: { digits?: number; algorithm?: string } = {}): string {
  return HOTP.generate({
    secret: Secret.fromHex(seedHex),
    counter,
    digits: options.digits ?? 6,
    algorithm: options.algorithm ?? 'SHA1',
  });
}

/** A JWT with the same header and claims, signed with another HS256 key (recorded j5). */
export function resignJwt(jwt: string, key: string): string {
  const [header, payload] = jwt.split('.');
  const signature = createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

export function decodeJwtPayload(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Loose rules for values the server generates at enrollment (serial, seed and everything derived from them). */
export const GENERATED_ENROLLMENT: Record<string, RegExp> = {
  'detail.serial': /^TOTP[0-9A-F]{8}$/,
  'detail.googleurl.value':
    /^otpauth:\/\/totp\/TOTP[0-9A-F]{8}\?secret=[A-Z2-7]{32}&period=30&digits=6&creator=privacyidea&issuer=privacyIDEA&serial=TOTP[0-9A-F]{8}$/,
  'detail.oathurl.value': /^oathtoken:\/\/\/addToken\?name=TOTP[0-9A-F]{8}&lockdown=true&key=[0-9a-f]{40}&timeBased=true$/,
  'detail.otpkey.value': /^seed:\/\/[0-9a-f]{40}$/,
  'detail.otpkey.value_b32': /^[A-Z2-7]{32}$/,
};

/** Loose rules for the seed-derived parts of an init answer for a known serial (a new server key). */
export function serverKeyFor(serial: string): Record<string, RegExp> {
  return {
    'detail.googleurl.value': new RegExp(`^otpauth://totp/${serial}\\?secret=[A-Z2-7]{32}&period=30&digits=6&creator=privacyidea&issuer=privacyIDEA&serial=${serial}$`),
    'detail.oathurl.value': new RegExp(`^oathtoken:///addToken\\?name=${serial}&lockdown=true&key=[0-9a-f]{40}&timeBased=true$`),
    'detail.otpkey.value': /^seed:\/\/[0-9a-f]{40}$/,
    'detail.otpkey.value_b32': /^[A-Z2-7]{32}$/,
  };
}

/** Loose rules for a 3.13 recording: its thread ids differ per response (8 threads). */
export const THREAD_ID_3_13: Record<string, 'type'> = { 'detail.threadid': 'type' };

/** Loose rules for token dates (the recording's clock is not the test's). */
export const TOKEN_DATES: Record<string, RegExp> = {
  'result.value.tokens[*].info.creation_date': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/,
  'result.value.tokens[*].info.assignment_date': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/,
  'result.value.tokens[*].info.last_auth': /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}\+0000$/,
};
