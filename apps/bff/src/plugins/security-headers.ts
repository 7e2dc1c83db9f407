import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';
import { API_PREFIX } from '@pi-enroll/shared';

/**
 * Response headers for the API and the widget (@fastify/helmet): a strict CSP with no inline script, framing
 * only by EMBED_ORIGINS (`frame-ancestors 'none'` without them), no referrer, nosniff, and `no-store` on every
 * API answer unless a route chose otherwise: sessions, enrollments and their errors may carry secrets.
 */
export default fp(
  async (app) => {
    const { embedOrigins, allowedOrigins, basePath } = app.config;
    const frameAncestors = embedOrigins.length > 0 ? embedOrigins : ["'none'"];
    await app.register(helmet, {
      global: true,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'"],
          // The QR code may be drawn as a data: image; nothing else is loaded from elsewhere.
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
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

    const apiPrefix = `${basePath.replace(/\/$/, '')}${API_PREFIX}/`;
    app.addHook('onSend', async (request, reply) => {
      if (request.url.startsWith(apiPrefix) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    });
  },
  { name: 'security-headers', dependencies: ['app-context'] },
);
