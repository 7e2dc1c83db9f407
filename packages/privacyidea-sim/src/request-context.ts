import type { IncomingHttpHeaders } from 'node:http';
import type { Envelope } from './envelope.js';
import type { PrivacyIdeaClaims } from './jwt.js';
import type { SimulatorState } from './simulator-state.js';

/** privacyIDEA's `request.all_data`: query string, form and JSON body merged, values as strings. */
export type RequestParams = Record<string, string>;

export interface RequestContext {
  params: RequestParams;
  pathParams: Record<string, string>;
  headers: IncomingHttpHeaders;
  nowMs: number;
  /** The JWT's claims on routes that require authentication. */
  caller: PrivacyIdeaClaims | undefined;
  state: SimulatorState;
}

export interface PrivacyIdeaResponse {
  status: number;
  body: Envelope;
  /** privacyIDEA signs the responses of its API blueprints, not those of /healthz. */
  signed: boolean;
}

/** FIDO2 verification is asynchronous (WebCrypto), so a handler may answer with a promise. */
export type RouteHandler = (ctx: RequestContext) => PrivacyIdeaResponse | Promise<PrivacyIdeaResponse>;

export function ok(body: Envelope, status = 200): PrivacyIdeaResponse {
  return { status, body, signed: true };
}

/** privacyIDEA's `is_true`. */
export function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on', 't'].includes(value.trim().toLowerCase());
}

/** A parameter that is present and not empty (privacyIDEA mostly tests parameters for truthiness). */
export function presentParam(params: RequestParams, name: string): string | undefined {
  const value = params[name];
  return value === undefined || value === '' ? undefined : value;
}
