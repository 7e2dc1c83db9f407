import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';

const ReadinessSchema = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
  privacyidea: Type.Union([Type.Literal('ok'), Type.Literal('unreachable'), Type.Literal('auth_failed')]),
});
type Readiness = Type.Static<typeof ReadinessSchema>;

/**
 * `/healthz`: the process is up (never touches privacyIDEA). `/readyz`: privacyIDEA is reachable and the admin
 * credentials work, checked with one cheap authenticated request and cached for a few seconds so a busy load
 * balancer cannot turn probes into upstream load.
 */
const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/healthz', { schema: { hide: true, response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => ({
    status: 'ok' as const,
  }));

  let cached: { at: number; result: Readiness } | undefined;
  let checking: Promise<Readiness> | undefined;
  const check = async (): Promise<Readiness> => {
    try {
      await app.privacyidea.listTokens({ serial: 'PIEN-READINESS-PROBE' }, 1, 1);
      return { status: 'ready', privacyidea: 'ok' };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      app.log.warn({ err: error }, 'readiness check failed');
      return { status: 'not_ready', privacyidea: name === 'PrivacyIdeaUnavailableError' ? 'unreachable' : 'auth_failed' };
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
};

export default healthRoutes;
