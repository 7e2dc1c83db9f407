import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { PrivacyIdeaError, PrivacyIdeaUnavailableError, piErrorCode } from '../privacyidea/pi-errors.js';

const ReadinessSchema = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
  /** `error`: privacyIDEA answered, but with a server error or not with its API (a proxy's error page). */
  privacyidea: Type.Union([Type.Literal('ok'), Type.Literal('unreachable'), Type.Literal('auth_failed'), Type.Literal('error')]),
});
type Readiness = Type.Static<typeof ReadinessSchema>;

const AUTH_ERRORS: readonly number[] = [
  piErrorCode.wrongCredentials,
  piErrorCode.missingAuthorization,
  piErrorCode.authorizationUndecodable,
  piErrorCode.authorizationExpired,
  piErrorCode.wrongRole,
];

/** What an operator has to fix: the network or privacyIDEA's availability, the admin account, or privacyIDEA itself. */
function classify(error: unknown): Readiness['privacyidea'] {
  if (error instanceof PrivacyIdeaUnavailableError) return 'unreachable';
  if (error instanceof PrivacyIdeaError && (AUTH_ERRORS.includes(error.piCode) || error.httpStatus === 401 || error.httpStatus === 403)) {
    return 'auth_failed';
  }
  return 'error';
}

/**
 * `/healthz`: the process is up (never touches privacyIDEA). `/readyz`: privacyIDEA is reachable and the admin
 * credentials work, checked with one cheap authenticated request and cached for a few seconds so a busy load
 * balancer cannot turn probes into upstream load.
 */
const healthRoutes: FastifyPluginCallbackTypebox = (app, _options, done) => {
  app.get('/healthz', { schema: { hide: true, response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, (_request, reply) => {
    void reply.send({ status: 'ok' });
  });

  let cached: { at: number; result: Readiness } | undefined;
  let checking: Promise<Readiness> | undefined;
  const check = async (): Promise<Readiness> => {
    try {
      await app.privacyidea.listTokens({ serial: 'PIEN-READINESS-PROBE' }, 1, 1);
      return { status: 'ready', privacyidea: 'ok' };
    } catch (error) {
      const privacyidea = classify(error);
      app.log.warn({ err: error, privacyidea }, 'readiness check failed');
      return { status: 'not_ready', privacyidea };
    }
  };

  app.get('/readyz', { schema: { hide: true, response: { 200: ReadinessSchema, 503: ReadinessSchema } } }, async (_request, reply) => {
    const now = app.clock.now();
    if (cached === undefined || now - cached.at >= app.config.readinessCacheSeconds * 1000) {
      checking ??= check().finally(() => {
        checking = undefined;
      });
      cached = { at: now, result: await checking };
    }
    return reply.code(cached.result.status === 'ready' ? 200 : 503).send(cached.result);
  });
  done();
};

export default healthRoutes;
