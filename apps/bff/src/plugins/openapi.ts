import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';
import { apiPaths } from '@pi-enroll/shared';

/** OpenAPI 3 generated from the route schemas (which come from packages/shared), served as JSON. */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'pi-enroll BFF',
          version: '1',
          description: 'Self-service TOTP enrollment for privacyIDEA. Errors are application/problem+json with a stable `code`.',
        },
      },
    });
    const path = `${app.config.basePath.replace(/\/$/, '')}${apiPaths.openapi}`;
    app.get(path, { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi', dependencies: ['app-context'] },
);
