import { PythonFloat, type PythonJson } from './python-json.js';
import type { PrivacyIdeaError } from './privacyidea-error.js';
import type { VersionProfile } from './version-profiles.js';

/** privacyIDEA puts the serving thread's id into every `detail`; a fixed value, as in the recording. */
export const THREAD_ID = 140707247032000;

export type Envelope = { [key: string]: PythonJson };

/**
 * The response envelope (recorded §0) without the version fields, which `versionedEnvelope` adds for the profile.
 * Key order: detail?, id, jsonrpc, result, time, version, versionnumber (only when `result.status` is true), then
 * `signature` (3.11: appended after signing the rest; 3.13+: sorted in with the other keys).
 */
export function successEnvelope(
  value: PythonJson,
  nowMs: number,
  options: {
    detail?: { [key: string]: PythonJson };
    /** Keys privacyIDEA adds to `detail` after jsonify sorted it, so they come last (`preferred_client_mode`). */
    detailAfterSorted?: { [key: string]: PythonJson };
    id?: 1 | 2;
    authentication?: 'ACCEPT' | 'REJECT' | 'CHALLENGE';
  } = {},
): Envelope {
  const result: { [key: string]: PythonJson } = {};
  if (options.authentication !== undefined) result['authentication'] = options.authentication;
  result['status'] = true;
  result['value'] = value;
  const body: Envelope = {};
  if (options.detail !== undefined) body['detail'] = { ...sortedKeys({ ...options.detail, threadid: THREAD_ID }), ...options.detailAfterSorted };
  body['id'] = options.id ?? 1;
  body['jsonrpc'] = '2.0';
  body['result'] = result;
  body['time'] = new PythonFloat(nowMs / 1000);
  return body;
}

/** Errors: `id` 1, `detail` null (`{}` for /auth), no `versionnumber`. */
export function errorEnvelope(error: PrivacyIdeaError, nowMs: number): Envelope {
  return {
    detail: error.detailIsEmptyObject ? {} : null,
    id: 1,
    jsonrpc: '2.0',
    result: { error: { code: error.code, message: error.message }, status: false },
    time: new PythonFloat(nowMs / 1000),
  };
}

/** `version` always, `versionnumber` only when `result.status` is true (recorded §0, 3.13 §0). */
export function versionedEnvelope(body: Envelope, profile: VersionProfile): Envelope {
  const versioned: Envelope = { ...body, version: `privacyIDEA ${profile.versionnumber}` };
  const result = body['result'];
  const succeeded = typeof result === 'object' && result !== null && !Array.isArray(result) && (result as { status?: unknown }).status === true;
  if (succeeded) versioned['versionnumber'] = profile.versionnumber;
  return versioned;
}

/** 3.11 appends `signature` after the signed body; 3.13+ sort it in with the other keys (3.13 §0). */
export function withSignature(body: Envelope, signature: string, profile: VersionProfile): Envelope {
  const signed: Envelope = { ...body, signature };
  return profile.sortedEnvelopeKeys ? sortedKeys(signed) : signed;
}

/** Flask's jsonify sorts keys: `detail`, token objects and tokeninfo come out in code-point order. */
export function sortedKeys(fields: { [key: string]: PythonJson }): { [key: string]: PythonJson } {
  const sorted: { [key: string]: PythonJson } = {};
  for (const key of Object.keys(fields).sort()) sorted[key] = fields[key] ?? null;
  return sorted;
}
