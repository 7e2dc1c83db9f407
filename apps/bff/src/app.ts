import { randomUUID } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppOptions } from './app-options.js';
import { logRedactPaths, serializeRequest } from './http/log-redaction.js';
import { RequestLogController } from './http/request-log-controller.js';
import appContext from './plugins/app-context.js';
import csrfGuard from './plugins/csrf-guard.js';
import endedSessions from './plugins/ended-sessions.js';
import enrollment from './plugins/enrollment.js';
import errorHandler from './plugins/error-handler.js';
import identity from './plugins/identity.js';
import metrics from './plugins/metrics.js';
import openapi from './plugins/openapi.js';
import privacyidea from './plugins/privacyidea.js';
import rateLimits from './plugins/rate-limits.js';
import redis from './plugins/redis.js';
import securityHeaders from './plugins/security-headers.js';
import store from './plugins/store.js';
import session from './plugins/session.js';
import signInMethods from './plugins/sign-in-methods.js';
import trustedHeader from './plugins/trusted-header.js';
import webApp from './plugins/web-app.js';
import configRoutes from './routes/config-routes.js';
import enrollmentRoutes from './routes/enrollment-routes.js';
import healthRoutes from './routes/health-routes.js';
import methodsRoutes from './routes/methods-routes.js';
import passkeyTryRoutes from './methods/passkey/passkey-try-routes.js';
import sessionRoutes from './routes/session-routes.js';
import { parseAddressList } from './security/address-matcher.js';

const BODY_LIMIT_BYTES = 16 * 1024;
const HEADERS_TIMEOUT_MS = 10_000;
/** Longer than any answer may take (several privacyIDEA calls within PI_TIMEOUT_MS each, see shared-deadlines.ts). */
const IDLE_SOCKET_TIMEOUT_MS = 5 * 60_000;
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** Builds the BFF: plugins first, then routes. Starting and stopping is server.ts's job. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const trustedProxies = parseAddressList(config.identity.trustedProxies);
  const requestTimeoutMs = config.http.requestTimeoutSeconds * 1000;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: logRedactPaths, censor: '[redacted]' },
      serializers: { req: serializeRequest },
      ...(options.logStream !== undefined ? { stream: options.logStream } : {}),
    },
    logController: new RequestLogController(),
    bodyLimit: BODY_LIMIT_BYTES,
    // Fastify turns Node's request timeout off: a client trickling a body byte by byte held a connection (and
    // its memory) for as long as it liked. The whole request must arrive within REQUEST_TIMEOUT_SECONDS (408
    // otherwise), its headers within 10 s of that, checked every second rather than Node's 30 s.
    requestTimeout: requestTimeoutMs,
    http: { headersTimeout: Math.min(HEADERS_TIMEOUT_MS, requestTimeoutMs), connectionsCheckingInterval: 1000 },
    // Above the idle timeout of the usual load balancers (60 s), so they never reuse a connection we just closed.
    keepAliveTimeout: config.http.keepAliveTimeoutSeconds * 1000,
    // A socket on which nothing moves for this long (a client that stopped reading an answer) is closed.
    connectionTimeout: IDLE_SOCKET_TIMEOUT_MS,
    requestIdHeader: false,
    // Unique across replicas and restarts: the id is also sent to privacyIDEA (X-Request-Id) to join the logs.
    genReqId: () => randomUUID(),
    // X-Forwarded-For/-Proto/-Host count only when the TCP peer is one of TRUSTED_PROXIES: client addresses for
    // the rate limits, https for the cookie, the public host for the same-origin check.
    trustProxy: config.identity.trustedProxies.length > 0 ? (address: string) => trustedProxies.matches(address) : false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Only JSON bodies: a cross-site form or text/plain post cannot reach a handler.
  app.removeContentTypeParser('text/plain');
  // Clients that set Content-Type: application/json on every call send it on a DELETE without a body too: an
  // empty body is no body there. Where a body is expected, empty or malformed JSON stays a 400.
  const parseJson = app.getDefaultJsonParser('error', 'ignore');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text === '' && !METHODS_WITH_BODY.has(request.method)) {
      done(null, undefined);
      return;
    }
    void parseJson(request, text, done);
  });

  await app.register(appContext, options);
  await app.register(errorHandler);
  await app.register(redis);
  await app.register(store);
  await app.register(securityHeaders);
  await app.register(csrfGuard);
  await app.register(privacyidea, options);
  await app.register(enrollment, options);
  await app.register(signInMethods);
  await app.register(session);
  await app.register(identity, options);
  await app.register(metrics);
  await app.register(openapi);
  await app.register(endedSessions);
  await app.register(trustedHeader);
  await app.register(rateLimits);

  // Everything lives under BASE_PATH, so a reverse proxy can mount the BFF at any path.
  const prefix = config.basePath.replace(/\/$/, '');
  await app.register(healthRoutes);
  await app.register(configRoutes, { prefix });
  await app.register(sessionRoutes, { prefix });
  await app.register(enrollmentRoutes, { prefix });
  await app.register(methodsRoutes, { prefix });
  await app.register(passkeyTryRoutes, { prefix });
  await app.register(webApp);
  return app;
}
