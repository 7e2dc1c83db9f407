import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { ClientConfigSchema, apiPaths, type ClientConfig, type IdentityMode } from '@pi-enroll/shared';

/** Public, secret-free facts the widget needs before anyone signs in. */
const configRoutes: FastifyPluginCallbackTypebox<{ demoUsers: string[] }> = (app, options, done) => {
  const { config } = app;
  const identityModes: IdentityMode[] = [];
  if (config.launchToken.secret !== undefined || config.launchToken.jwksUrl !== undefined) identityModes.push('launch-token');
  if (config.identity.remoteUserHeader !== undefined) identityModes.push('trusted-header');
  if (config.identity.passwordLogin) identityModes.push('password');
  if (config.demoMode) identityModes.push('demo');
  const body: ClientConfig = {
    identityModes,
    demoUsers: config.demoMode ? options.demoUsers : [],
    otp: { issuer: config.otp.issuer, algorithm: config.otp.algorithm, digits: config.otp.digits, period: config.otp.period },
    embedOrigins: config.embedOrigins,
    enrollmentTtlSeconds: config.enrollment.ttlSeconds,
    maxAttempts: config.enrollment.maxAttempts,
  };
  app.get(apiPaths.config, { schema: { response: { 200: ClientConfigSchema } } }, () => body);
  done();
};

export default configRoutes;
