import type { IncomingHttpHeaders } from 'node:http';
import type { RequestParams } from './request-context.js';

export class MalformedBodyError extends Error {}

/**
 * privacyIDEA's get_all_params: `request.values` (query string before form fields, first value of a repeated key),
 * then a JSON object body on top. JSON values become strings, as every handler reads strings.
 */
export function requestParams(url: URL, headers: IncomingHttpHeaders, body: Buffer): RequestParams {
  const params: RequestParams = {};
  const contentType = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (contentType === 'application/x-www-form-urlencoded') {
    addFirst(params, new URLSearchParams(body.toString('utf8')));
  }
  const query: RequestParams = {};
  addFirst(query, url.searchParams);
  Object.assign(params, query);
  if (contentType === 'application/json' || contentType.endsWith('+json')) {
    let parsed: unknown;
    try {
      parsed = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      throw new MalformedBodyError('the JSON body does not parse');
    }
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
        if (value === null || value === undefined) continue;
        params[key] = typeof value === 'string' ? value : JSON.stringify(value);
      }
    }
  }
  return params;
}

function addFirst(target: RequestParams, source: URLSearchParams): void {
  for (const [key, value] of source) {
    if (!(key in target)) target[key] = value;
  }
}
