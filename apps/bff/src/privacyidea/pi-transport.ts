import { readFileSync } from 'node:fs';
import { Pool, type Dispatcher } from 'undici';
import { isPiEnvelope, type PiEnvelope } from './pi-envelope.js';
import { PrivacyIdeaProtocolError, PrivacyIdeaUnavailableError } from './pi-errors.js';
import { SharedDeadlines } from './shared-deadlines.js';

export interface PiTransportOptions {
  baseUrl: string;
  timeoutMs: number;
  caFile?: string | undefined;
  /** Injected in tests (undici MockAgent) to force faults the simulator cannot produce. */
  dispatcher?: Dispatcher;
}

export interface PiRequest {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /** Sent as application/x-www-form-urlencoded, the form privacyIDEA's own UI uses. */
  form?: Record<string, string>;
  query?: Record<string, string>;
  authorization?: string;
  requestId?: string;
  /**
   * The `Origin` of the browser page a FIDO2 ceremony ran on. privacyIDEA compares it with clientDataJSON.origin
   * (`prepolicy.fido2_enroll` copies HTTP_ORIGIN), so it is forwarded as that header, and only for those calls.
   */
  browserOrigin?: string;
}

export interface PiResponse {
  httpStatus: number;
  envelope: PiEnvelope;
}

/** Called after every upstream request, for metrics and logs. Never receives headers or bodies. */
export type PiRequestObserver = (event: {
  endpoint: string;
  httpStatus: number | undefined;
  piCode: number | undefined;
  durationMs: number;
  outcome: 'ok' | 'error' | 'unavailable';
}) => void;

/** Names an endpoint without its serial or key, so metrics and logs do not explode in cardinality. */
export function endpointLabel(method: string, path: string): string {
  const templated = path
    .replace(/^\/token\/info\/[^/]+\/[^/]+$/, '/token/info/:serial/:key')
    .replace(/^\/token\/description\/[^/]+$/, '/token/description/:serial')
    .replace(/^\/token\/(enable|disable)\/[^/]+$/, '/token/$1/:serial')
    .replace(/^\/token\/(?!init$|enable$|disable$|reset$|set$|info\/|description\/)[^/]+$/, '/token/:serial');
  return `${method} ${templated}`;
}

/**
 * One keep-alive connection pool to privacyIDEA with connect, header and body timeouts. Knows the envelope,
 * nothing about tokens or authentication.
 */
export class PiTransport {
  private readonly dispatcher: Dispatcher;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly ownsDispatcher: boolean;
  private readonly observers: PiRequestObserver[] = [];
  private serverTimeListener: ((serverTimeMs: number) => void) | undefined;
  /** A last resort for a request that waits too long in all: queued for a connection, then unanswered. */
  private readonly deadlines: SharedDeadlines;

  constructor(private readonly options: PiTransportOptions) {
    const url = new URL(options.baseUrl);
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.ownsDispatcher = options.dispatcher === undefined;
    this.deadlines = new SharedDeadlines(options.timeoutMs * 2);
    this.dispatcher =
      options.dispatcher ??
      new Pool(this.origin, {
        connections: 32,
        pipelining: 1,
        keepAliveTimeout: 30_000,
        connectTimeout: options.timeoutMs,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
        ...(options.caFile !== undefined ? { connect: { ca: readFileSync(options.caFile) } } : {}),
      });
  }

  observe(observer: PiRequestObserver): void {
    this.observers.push(observer);
  }

  /** Receives privacyIDEA's clock from every answer's `time` field. */
  onServerTime(listener: (serverTimeMs: number) => void): void {
    this.serverTimeListener = listener;
  }

  async send(request: PiRequest): Promise<PiResponse> {
    const endpoint = endpointLabel(request.method, request.path);
    const started = performance.now();
    const report = (outcome: 'ok' | 'error' | 'unavailable', httpStatus?: number, piCode?: number) => {
      const event = { endpoint, httpStatus, piCode, durationMs: performance.now() - started, outcome };
      for (const observer of this.observers) observer(event);
    };

    const headers: Record<string, string> = { accept: 'application/json' };
    // privacyIDEA wants the bare JWT: "Bearer <jwt>" is rejected with 4304.
    if (request.authorization !== undefined) headers.authorization = request.authorization;
    if (request.requestId !== undefined) headers['x-request-id'] = request.requestId;
    if (request.browserOrigin !== undefined) headers.origin = request.browserOrigin;
    let body: string | undefined;
    if (request.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(request.form).toString();
    }
    const query = request.query === undefined ? '' : `?${new URLSearchParams(request.query).toString()}`;

    let statusCode: number;
    let text: string;
    try {
      const response = await this.dispatcher.request({
        origin: this.origin,
        path: `${this.basePath}${request.path}${query}`,
        method: request.method,
        headers,
        body,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
        signal: this.deadlines.signal(),
      });
      statusCode = response.statusCode;
      text = await response.body.text();
    } catch (error) {
      report('unavailable');
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new PrivacyIdeaUnavailableError(endpoint, reason);
    }

    if (statusCode === 502 || statusCode === 503 || statusCode === 504) {
      report('unavailable', statusCode);
      throw new PrivacyIdeaUnavailableError(endpoint, `HTTP ${statusCode}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      report('error', statusCode);
      throw new PrivacyIdeaProtocolError(endpoint, statusCode, 'body is not JSON');
    }
    if (!isPiEnvelope(parsed)) {
      report('error', statusCode);
      throw new PrivacyIdeaProtocolError(endpoint, statusCode, 'no result.status');
    }
    const serverTime = (parsed as { time?: unknown }).time;
    if (typeof serverTime === 'number') this.serverTimeListener?.(serverTime * 1000);
    report(parsed.result.status ? 'ok' : 'error', statusCode, parsed.result.status ? undefined : parsed.result.error.code);
    return { httpStatus: statusCode, envelope: parsed };
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }
}
