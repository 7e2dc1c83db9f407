import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { ClientConfigSchema, apiPaths, type ClientConfig } from '@pi-enroll/shared';
import { problemsFor } from './route-schemas.js';

/** Public, secret-free facts the widget needs before anyone signs in. */
const configRoutes: FastifyPluginCallbackTypebox = (app, _options, done) => {
  const { config } = app;
  const identityModes = config.identity.modes;
  const body: ClientConfig = {
    identityModes,
    methods: app.enrollment.offeredMethods(),
    demoUsers: [...app.identity.demoUsers],
    otp: { issuer: config.otp.issuer, algorithm: config.otp.algorithm, digits: config.otp.digits, period: config.otp.period },
    embedOrigins: config.embedOrigins,
    embedStylesheets: config.embedStylesheets,
    enrollmentTtlSeconds: config.enrollment.ttlSeconds,
    maxAttempts: config.enrollment.maxAttempts,
    returnUrl: config.methods.returnUrl ?? null,
    authenticatorApps: config.methods.authenticatorApps,
  };
  app.get(apiPaths.config, { schema: { response: { 200: ClientConfigSchema, ...problemsFor({}) } } }, () => body);
  done();
};

export default configRoutes;
