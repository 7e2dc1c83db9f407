import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ProblemError } from '../http/problem-error.js';
import { isStateChanging, judgeOrigin } from '../security/request-origin.js';
import { SESSION_HEADER_NAME } from './session.js';

const CORS_PREFLIGHT_MAX_AGE_SECONDS = 600;
/** Refused origins are logged once each; past this many, an attacker is sending them and one line says so. */
const REFUSED_ORIGINS_LOGGED_MAX = 1000;

/**
 * Cross-site request forgery defence for every state-changing request (see request-origin.ts for the rules),
 * checked before the body is even read, and CORS: the API (and every preflight) for ALLOWED_ORIGINS, with
 * credentials and the session header, so a script-tag widget on a host page can call it; the widget's static
 * files (widget.js, widget.css, its chunks) for EMBED_ORIGINS too, without credentials, so any host page that
 * may embed the widget can load it. Other origins get no CORS headers, so their preflights fail, and the first
 * request from each is logged with the variable that would let it in.
 */
export default fp(
  async (app) => {
    const allowedOrigins = new Set(app.config.allowedOrigins);
    const assetOrigins = new Set([...app.config.allowedOrigins, ...app.config.embedOrigins]);
    // Decided on the route that answered (web-app.ts's static files), like the cache headers: `/%61pi/…` is the API.
    const assetRoutes = new Set([`${app.config.basePath}*`, app.config.basePath]);
    const isAsset = (request: FastifyRequest) => request.method !== 'OPTIONS' && assetRoutes.has(request.routeOptions.url ?? '');
    const apiCors = {
      credentials: true,
      methods: ['GET', 'POST', 'PATCH', 'DELETE'],
      allowedHeaders: ['content-type', SESSION_HEADER_NAME],
      exposedHeaders: ['retry-after', SESSION_HEADER_NAME],
      maxAge: CORS_PREFLIGHT_MAX_AGE_SECONDS,
    };
    const assetCors = { credentials: false, methods: ['GET', 'HEAD'] };

    const refusedOrigins = new Set<string>();
    const logRefusedOnce = (request: FastifyRequest, origin: string, asset: boolean) => {
      if (refusedOrigins.has(origin) || refusedOrigins.size > REFUSED_ORIGINS_LOGGED_MAX) return;
      refusedOrigins.add(origin);
      if (refusedOrigins.size > REFUSED_ORIGINS_LOGGED_MAX) {
        request.log.warn({ origin }, `more than ${REFUSED_ORIGINS_LOGGED_MAX} origins refused: no longer logging each`);
        return;
      }
      const variable = asset ? 'EMBED_ORIGINS' : 'ALLOWED_ORIGINS';
      request.log.warn(
        { origin, variable },
        `a page on ${origin} called the BFF but is not allowed to; if it is yours, add it to ${variable} (${variable}=${origin})`,
      );
    };

    await app.register(cors, () => (request: FastifyRequest, callback: (error: Error | null, options: FastifyCorsOptions) => void) => {
      const origin = request.headers.origin;
      if (origin === undefined) return callback(null, { origin: false });
      const asset = isAsset(request);
      if (allowedOrigins.has(origin)) return callback(null, { ...(asset ? assetCors : apiCors), origin });
      if (asset && assetOrigins.has(origin)) return callback(null, { ...assetCors, origin });
      // Other origins get no CORS header at all (not even Allow-Credentials), so their preflights fail.
      if (!judgeOrigin(request, new Set()).allowed) logRefusedOnce(request, origin, asset);
      return callback(null, { origin: false });
    });
    app.addHook('onRequest', (request, _reply, done) => {
      const verdict = isStateChanging(request.method) ? judgeOrigin(request, allowedOrigins) : undefined;
      if (verdict === undefined || verdict.allowed) return done();
      request.log.warn(
        { origin: request.headers.origin, secFetchSite: request.headers['sec-fetch-site'], reason: verdict.reason },
        'cross-site request refused',
      );
      done(new ProblemError(403, 'forbidden_origin', 'This request did not come from an allowed page.'));
    });
  },
  { name: 'csrf-guard', dependencies: ['app-context', 'error-handler'] },
);
