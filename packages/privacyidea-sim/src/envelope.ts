import { PythonFloat, type PythonJson } from './python-json.js';
import type { PrivacyIdeaError } from './privacyidea-error.js';

export const PRIVACYIDEA_VERSION = '3.11.4';

/** privacyIDEA puts the serving thread's id into every `detail`; a fixed value, as in the recording. */
export const THREAD_ID = 140707247032000;

export type Envelope = { [key: string]: PythonJson };

/**
 * The response envelope (recorded §0). Key order: detail?, id, jsonrpc, result, time, version, versionnumber (only
 * when `result.status` is true), then `signature`, which the server appends after signing the rest.
 */
export function successEnvelope(
  value: PythonJson,
  nowMs: number,
  options: { detail?: { [key: string]: PythonJson }; id?: 1 | 2; authentication?: 'ACCEPT' | 'REJECT' } = {},
): Envelope {
  const result: { [key: string]: PythonJson } = {};
  if (options.authentication !== undefined) result['authentication'] = options.authentication;
  result['status'] = true;
  result['value'] = value;
  const body: Envelope = {};
  if (options.detail !== undefined) body['detail'] = sortedKeys({ ...options.detail, threadid: THREAD_ID });
  body['id'] = options.id ?? 1;
  body['jsonrpc'] = '2.0';
  body['result'] = result;
  body['time'] = new PythonFloat(nowMs / 1000);
  body['version'] = `privacyIDEA ${PRIVACYIDEA_VERSION}`;
  body['versionnumber'] = PRIVACYIDEA_VERSION;
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
    version: `privacyIDEA ${PRIVACYIDEA_VERSION}`,
  };
}

/** Flask's jsonify sorts keys: `detail`, token objects and tokeninfo come out in code-point order. */
export function sortedKeys(fields: { [key: string]: PythonJson }): { [key: string]: PythonJson } {
  const sorted: { [key: string]: PythonJson } = {};
  for (const key of Object.keys(fields).sort()) sorted[key] = fields[key] ?? null;
  return sorted;
}
