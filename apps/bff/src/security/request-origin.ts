import type { FastifyRequest } from 'fastify';

export type OriginVerdict = { allowed: true; reason: 'same-origin' | 'allowed-origin' | 'non-browser' } | { allowed: false; reason: string };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

function mediaType(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Whether the page that sent a state-changing request may do so (the CSRF defence; SameSite=Lax cookies are
 * the second layer).
 *
 * - `Origin` present: it must be this BFF's own origin or one of ALLOWED_ORIGINS. `Origin: null` (sandboxed
 *   frames, privacy redirects) is refused. The scheme is compared only when the request is known to be https:
 *   TLS is often terminated by a proxy that is not listed in TRUSTED_PROXIES, and an http page on our own host
 *   is still our page.
 * - No `Origin` but `Sec-Fetch-Site`: only `same-origin` passes.
 * - Neither: not a current browser. Browsers send `Origin` with every POST and DELETE they make, cross-site
 *   or not, and without a CORS preflight (which only ALLOWED_ORIGINS pass) a page can only send a POST with a
 *   form, text/plain or multipart body. So a POST without both headers passes only as application/json (which
 *   an old browser could not send cross-site without that preflight); other methods always need a preflight.
 */
export function judgeOrigin(request: FastifyRequest, allowedOrigins: ReadonlySet<string>): OriginVerdict {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    if (allowedOrigins.has(origin)) return { allowed: true, reason: 'allowed-origin' };
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return { allowed: false, reason: 'unparsable Origin' };
    }
    const schemeOk = url.protocol === 'https:' || (url.protocol === 'http:' && request.protocol === 'http');
    if (schemeOk && url.origin === origin && url.host.toLowerCase() === request.host.toLowerCase()) return { allowed: true, reason: 'same-origin' };
    return { allowed: false, reason: 'foreign Origin' };
  }
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite !== undefined) {
    return fetchSite === 'same-origin' ? { allowed: true, reason: 'same-origin' } : { allowed: false, reason: `Sec-Fetch-Site: ${fetchSite}` };
  }
  if (request.method.toUpperCase() === 'POST' && mediaType(request) !== 'application/json') {
    return { allowed: false, reason: 'POST without Origin that is not application/json' };
  }
  return { allowed: true, reason: 'non-browser' };
}
