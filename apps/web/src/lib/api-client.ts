import type { OtpSetting, Problem, WrongCodeReason } from '@pi-enroll/shared';
import { PROBLEM_CONTENT_TYPE, problemCodes, type ProblemCode } from '@pi-enroll/shared/problem-codes';

/** The BFF's codes plus the one only the browser can see: no answer at all (offline, DNS, CORS). */
export type ClientProblemCode = ProblemCode | 'network_error';

/** What the flow keeps of a failure: the code it branches on and the facts a message needs. */
export interface FlowProblem {
  code: ClientProblemCode;
  attemptsLeft?: number;
  retryAfterSeconds?: number;
  /** Why a code was wrong, when the BFF could tell (`invalid_code` only). */
  reason?: WrongCodeReason;
  clockOffsetSeconds?: number;
  ignoredSettings?: OtpSetting[];
  fallbackAvailable?: boolean;
  /** With `step_up_required`: the serials whose code satisfies the step-up. */
  stepUpMethods?: string[];
}

export class ApiProblemError extends Error {
  constructor(readonly problem: FlowProblem) {
    super(problem.code);
    this.name = 'ApiProblemError';
  }
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Lets a DELETE outlive the page (closing the tab or the widget). */
  keepalive?: boolean;
}

export interface ApiClient {
  /** The BFF's absolute URL (ending in `/`); part of every cache key, so two BFFs never share an entry. */
  readonly baseUrl: string;
  /** Resolves with the JSON answer; rejects with an `ApiProblemError`, and nothing else. */
  request<T>(path: string, init?: ApiRequest): Promise<T>;
}

const knownCodes: ReadonlySet<string> = new Set(problemCodes);

/** When an answer is not a problem document we know (a proxy's HTML error page), its status still tells a lot. */
function codeForStatus(status: number): ProblemCode {
  if (status === 401) return 'unauthenticated';
  if (status === 429) return 'rate_limited';
  if (status === 503 || status === 504) return 'upstream_unavailable';
  if (status === 502) return 'upstream_error';
  return 'internal_error';
}

async function problemFrom(response: Response): Promise<FlowProblem> {
  const retryAfterHeader = Number(response.headers.get('Retry-After'));
  const retryAfter = retryAfterHeader > 0 ? retryAfterHeader : undefined;
  const isProblem = response.headers.get('Content-Type')?.startsWith(PROBLEM_CONTENT_TYPE) ?? false;
  const body = isProblem ? ((await response.json().catch(() => null)) as Partial<Problem> | null) : null;
  if (!body || typeof body.code !== 'string' || !knownCodes.has(body.code)) {
    return { code: codeForStatus(response.status), retryAfterSeconds: retryAfter };
  }
  const { reason, clockOffsetSeconds, ignoredSettings, fallbackAvailable } = body;
  return {
    code: body.code,
    attemptsLeft: body.attemptsLeft,
    retryAfterSeconds: body.retryAfterSeconds ?? retryAfter,
    ...(reason !== undefined ? { reason, clockOffsetSeconds, ignoredSettings, fallbackAvailable } : {}),
    ...(body.stepUpMethods !== undefined ? { stepUpMethods: body.stepUpMethods } : {}),
  };
}

/**
 * How the session travels. `cookie`: the BFF's HttpOnly cookie alone. `header`: the BFF also answers the sealed
 * session in the `pi-enroll-session` header, which this client keeps in memory (never in storage, never in a
 * URL) and sends back; the cookie still counts while the client holds none, so a same-site host keeps its
 * session across reloads, and a cross-site one (where the browser drops the cookie) gets a new launch token.
 */
export type SessionTransport = 'cookie' | 'header';

export const SESSION_HEADER = 'pi-enroll-session';

export interface ApiClientOptions {
  /** Default: `header` when the BFF is on another origin or the page is framed, `cookie` otherwise. */
  sessionTransport?: SessionTransport;
}

/** A BFF on another origin or a page in a frame may be cross-site, where a SameSite cookie never comes back. */
function defaultTransport(base: URL): SessionTransport {
  return base.origin !== window.location.origin || window.parent !== window ? 'header' : 'cookie';
}

/**
 * A fetch that failed without an answer: offline, or a BFF that answered but not to this origin (CORS). A
 * `no-cors` request tells them apart: it succeeds whenever the BFF is reachable at all.
 */
async function problemWithoutAnswer(base: URL): Promise<FlowProblem> {
  const here = window.location.origin;
  if (base.origin === here) return { code: 'network_error' };
  const reachable = await fetch(base, { mode: 'no-cors', credentials: 'omit' }).then(
    () => true,
    () => false,
  );
  if (!reachable) return { code: 'network_error' };
  console.error(`pi-enroll: ${base.origin} does not let this page (${here}) call it. Add the page's origin on the BFF: ALLOWED_ORIGINS=${here}`);
  return { code: 'forbidden_origin' };
}

/**
 * One way to call the BFF: JSON in and out, cookies sent (also to a BFF on another origin of the same site),
 * every failure turned into an `ApiProblemError` carrying a stable code. Responses are trusted to match the
 * contract's types: the BFF validates them against its response schemas, and TypeBox stays out of the bundle.
 *
 * `baseUrl` is where the BFF is mounted (its BASE_PATH), absolute or relative to the page; the API paths are
 * resolved below it, so `/api/v1/config` under `https://example.com/mfa/` is `https://example.com/mfa/api/v1/config`.
 */
export function createApiClient(baseUrl: string, options: ApiClientOptions = {}): ApiClient {
  const base = new URL(baseUrl, document.baseURI);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const inHeader = (options.sessionTransport ?? defaultTransport(base)) === 'header';
  // The header credential: in this closure only, so it dies with the client (a reload, an unmount).
  let credential: string | undefined;
  return {
    baseUrl: base.href,
    async request<T>(path: string, init: ApiRequest = {}): Promise<T> {
      let response: Response;
      const headers: Record<string, string> = init.body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json' };
      if (inHeader) headers[SESSION_HEADER] = credential ?? 'new';
      try {
        response = await fetch(new URL(path.replace(/^\//, ''), base), {
          method: init.method ?? 'GET',
          credentials: 'include',
          keepalive: init.keepalive ?? false,
          headers,
          body: init.body === undefined ? null : JSON.stringify(init.body),
        });
      } catch {
        throw new ApiProblemError(await problemWithoutAnswer(base));
      }
      const answered = inHeader ? response.headers.get(SESSION_HEADER) : null;
      if (answered !== null) credential = answered === 'ended' ? undefined : answered;
      if (!response.ok) throw new ApiProblemError(await problemFrom(response));
      if (response.status === 204) return undefined as T;
      try {
        return (await response.json()) as T;
      } catch {
        // A 200 that is not JSON (a proxy's page, a cut connection): still a problem the flow can show.
        throw new ApiProblemError({ code: 'internal_error' });
      }
    },
  };
}

/** The problem behind any failure; anything that is not an API answer is a bug, reported as `internal_error`. */
export function problemOf(error: unknown): FlowProblem {
  if (error instanceof ApiProblemError) return error.problem;
  console.error(error);
  return { code: 'internal_error' };
}
