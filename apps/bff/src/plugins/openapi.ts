import { STATUS_CODES } from 'node:http';
import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';
import { PROBLEM_CONTENT_TYPE, apiPaths } from '@pi-enroll/shared';
import { operationDocs } from '../routes/route-schemas.js';

/** The part of an OpenAPI document this plugin touches. */
interface Operations {
  paths?: Record<string, Record<string, { responses?: Record<string, { description?: string; content?: Record<string, unknown> }> }>>;
}

/**
 * Errors are sent as application/problem+json (see http/problem-response.ts); the route schemas cannot say
 * which media type a status has, so the document is corrected here. Every answer gets its HTTP reason as
 * description instead of "Default Response".
 */
function describeResponses<T>(document: T): T {
  for (const pathItem of Object.values((document as Operations).paths ?? {})) {
    for (const operation of Object.values(pathItem)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        response.description = STATUS_CODES[Number(status)] ?? response.description;
        const json = response.content?.['application/json'];
        if (Number(status) >= 400 && json !== undefined) response.content = { [PROBLEM_CONTENT_TYPE]: json };
      }
    }
  }
  return document;
}

/**
 * OpenAPI 3.1 generated from the route schemas (which come from packages/shared), served as JSON. The schemas
 * stay JSON Schema 2020-12 as TypeBox wrote them: `const` is kept (3.1 has it), and schemas with an `$id`
 * that end up in components are named by it (`#/components/schemas/Enrollment`).
 */
export default fp(
  async (app) => {
    const prefix = app.config.basePath.replace(/\/$/, '');
    // Summary and description of each API operation, kept in one table (routes/route-schemas.ts).
    app.addHook('onRoute', (route) => {
      if (typeof route.method !== 'string' || !route.url.startsWith(prefix)) return;
      const doc = operationDocs[`${route.method} ${route.url.slice(prefix.length)}`];
      if (doc !== undefined) route.schema = { ...doc, ...route.schema };
    });
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'pi-enroll BFF',
          version: '1',
          description: 'Self-service MFA enrollment for privacyIDEA (authenticator app, passkey, email code, recovery codes). Errors are application/problem+json with a stable `code`.',
        },
      },
      convertConstToEnum: false,
      refResolver: {
        buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json['$id'] === 'string' ? json['$id'] : `def-${i}`),
      },
      transformObject: (documents) => ('openapiObject' in documents ? describeResponses(documents.openapiObject) : documents.swaggerObject),
    });
    const path = `${prefix}${apiPaths.openapi}`;
    app.get(path, { schema: { hide: true } }, (_request, reply) => {
      void reply.send(app.swagger());
    });
  },
  { name: 'openapi', dependencies: ['app-context'] },
);
