import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  EnrollmentConfirmedSchema,
  EnrollmentSchema,
  ProblemSchema,
  StartEnrollmentRequestSchema,
  VerifyEnrollmentRequestSchema,
  apiPaths,
  isWellFormedOtpCode,
  normalizeOtpCode,
} from '@pi-enroll/shared';
import { ProblemError } from '../http/problem-error.js';
import { withoutPending } from '../session/session-data.js';
import { commonProblems } from './route-schemas.js';

/**
 * Start, resume, confirm and cancel the signed-in user's enrollment. Responses carrying the secret are never
 * cached: security-headers.ts sends `no-store` on every API answer.
 */
const enrollmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    apiPaths.enrollment,
    {
      // A start needs no options: an empty request counts as `{}`.
      preValidation: (request, _reply, done) => {
        request.body ??= {};
        done();
      },
      schema: {
        body: StartEnrollmentRequestSchema,
        response: { 200: EnrollmentSchema, 201: EnrollmentSchema, 409: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      const session = app.requireSession(request);
      const result = await app.enrollment.start(session, request.body.description, request.id);
      await reply.saveSession(result.session);
      return reply.code(result.created ? 201 : 200).send(result.enrollment);
    },
  );

  app.get(
    apiPaths.enrollment,
    { schema: { response: { 200: EnrollmentSchema, 404: ProblemSchema, 410: ProblemSchema, ...commonProblems } } },
    async (request, reply) => {
      const session = app.requireSession(request);
      try {
        const result = await app.enrollment.resume(session, request.id);
        return result.enrollment;
      } catch (error) {
        if (error instanceof ProblemError && (error.code === 'enrollment_expired' || error.code === 'no_pending_enrollment')) {
          await reply.saveSession(withoutPending(session));
        }
        throw error;
      }
    },
  );

  app.post(
    apiPaths.verifyEnrollment,
    {
      schema: {
        body: VerifyEnrollmentRequestSchema,
        response: {
          200: EnrollmentConfirmedSchema,
          404: ProblemSchema,
          409: ProblemSchema,
          410: ProblemSchema,
          422: ProblemSchema,
          ...commonProblems,
        },
      },
    },
    async (request, reply) => {
      const session = app.requireSession(request);
      const code = normalizeOtpCode(request.body.code);
      if (!isWellFormedOtpCode(code)) {
        throw new ProblemError(400, 'invalid_request', 'Enter the 6 to 8 digit code from your app.', {
          errors: [{ field: 'code', message: 'must be 6 to 8 digits' }],
        });
      }
      try {
        const result = await app.enrollment.confirm(session, code, request.id);
        await reply.saveSession(result.session);
        return result.confirmed;
      } catch (error) {
        // The token is gone: forget it, so the next start begins afresh.
        if (error instanceof ProblemError && ['attempts_exhausted', 'enrollment_expired', 'no_pending_enrollment'].includes(error.code)) {
          await reply.saveSession(withoutPending(session));
        }
        throw error;
      }
    },
  );

  app.delete(apiPaths.enrollment, { schema: { response: { 204: Type.Null(), ...commonProblems } } }, async (request, reply) => {
    const session = app.requireSession(request);
    await reply.saveSession(await app.enrollment.cancel(session, request.id));
    return reply.code(204).send(null);
  });
};

export default enrollmentRoutes;
