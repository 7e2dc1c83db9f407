import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import { API_PREFIX } from '@pi-enroll/shared';

/**
 * The headers helmet sets, found by running its middleware once against a response that only records them. With
 * these options they are the same for every request, and helmet would otherwise rebuild its middleware (and
 * re-parse the CSP) per request: a tenth of the BFF's CPU on a small request.
 */
function headersFromHelmet(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  // A bad option (e.g. a quote in an EMBED_ORIGINS entry) throws here or comes back through `next`: either way
  // the BFF fails at start-up rather than on a request.
  let failure: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure !== undefined) throw failure instanceof Error ? failure : new Error('helmet refused the security header options');
  return headers;
}

/**
 * Response headers for the API and the widget (helmet's): a strict CSP with no inline script, framing
 * only by EMBED_ORIGINS (`frame-ancestors 'none'` without them), no referrer, nosniff, and `no-store` on every
 * API answer unless a route chose otherwise: sessions, enrollments and their errors may carry secrets.
 */
export default fp(
  async (app) => {
    const { embedOrigins, allowedOrigins, basePath, embedStylesheets } = app.config;
    // The operator's brand stylesheets for the iframe, and the fonts and images they bring from their origins.
    const brandOrigins = [...new Set(embedStylesheets.map((href) => new URL(href).origin))];
    const frameAncestors = embedOrigins.length > 0 ? embedOrigins : ["'none'"];
    const securityHeaders = headersFromHelmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'", ...brandOrigins],
          // The QR code may be drawn as a data: image; nothing else is loaded from elsewhere but the brand's.
          imgSrc: ["'self'", 'data:', ...brandOrigins],
          fontSrc: ["'self'", ...brandOrigins],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors,
          // No upgrade-insecure-requests: it would break plain-http development on 127.0.0.1; HSTS does the job in production.
        },
      },
      // frame-ancestors decides; X-Frame-Options cannot name several origins, so it is sent only to forbid framing.
      frameguard: embedOrigins.length > 0 ? false : { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      // A script-tag widget on a same-site host page loads its script without CORS (no-cors).
      crossOriginResourcePolicy: { policy: allowedOrigins.length > 0 ? 'same-site' : 'same-origin' },
    });
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(securityHeaders);
      done();
    });

    const apiPrefix = `${basePath.replace(/\/$/, '')}${API_PREFIX}/`;
    // Decided on the route that answered, not the raw URL: `/%61pi/v1/enrollment` is routed to the enrollment too.
    // An unrouted request (a 404) is not cached either.
    app.addHook('onSend', (request, reply, payload, done) => {
      const route = request.routeOptions.url;
      if ((route === undefined || route.startsWith(apiPrefix)) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      done(null, payload);
    });
  },
  { name: 'security-headers', dependencies: ['app-context'] },
);
