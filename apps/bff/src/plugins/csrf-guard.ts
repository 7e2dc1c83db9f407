import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ProblemError } from '../http/problem-error.js';
import { isStateChanging, judgeOrigin } from '../security/request-origin.js';

const CORS_PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Cross-site request forgery defence for every state-changing request (see request-origin.ts for the rules),
 * checked before the body is even read, and CORS for ALLOWED_ORIGINS so a script-tag widget on a same-site host
 * page can call the API with credentials. Other origins get no CORS headers, so their preflights fail.
 */
export default fp(
  async (app) => {
    const allowedOrigins = new Set(app.config.allowedOrigins);
    if (allowedOrigins.size > 0) {
      const corsOptions = {
        credentials: true,
        methods: ['GET', 'POST', 'PATCH', 'DELETE'],
        allowedHeaders: ['content-type'],
        exposedHeaders: ['retry-after'],
        maxAge: CORS_PREFLIGHT_MAX_AGE_SECONDS,
      };
      // Other origins get no CORS header at all (not even Allow-Credentials), so their preflights fail.
      await app.register(cors, () => (request: FastifyRequest, callback: (error: Error | null, options: FastifyCorsOptions) => void) => {
        const origin = request.headers.origin;
        callback(null, origin !== undefined && allowedOrigins.has(origin) ? { ...corsOptions, origin } : { origin: false });
      });
    }
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
