import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import {
  EnrollmentConfirmedSchema,
  EnrollmentSchema,
  ProblemSchema,
  StartEnrollmentRequestSchema,
  VerifyEnrollmentRequestSchema,
  apiPaths,
} from '@pi-enroll/shared';
import type { StepResult } from '../enrollment/lifecycle.js';
import { answerOf } from '../enrollment/outcomes.js';
import { problemsFor } from './route-schemas.js';

/**
 * Start, resume, confirm and cancel the signed-in user's enrollment. Each route hands the session to the
 * lifecycle, stores the session it answers (always), and sends the answer outcomes.ts decides. Responses carrying
 * the secret are never cached: security-headers.ts sends `no-store` on every API answer.
 */
const enrollmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const send = async (reply: FastifyReply, { session, outcome }: StepResult) => {
    await reply.saveSession(session);
    const answer = answerOf(outcome, app.config.otp.fallbackToDefaults);
    if ('problem' in answer) throw answer.problem;
    return reply.code(answer.status).send(answer.body);
  };

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
        response: { 200: EnrollmentSchema, 201: EnrollmentSchema, 409: ProblemSchema, ...problemsFor({ stateChanging: true, session: true, rateLimited: true, upstream: true }) },
      },
    },
    async (request, reply) => send(reply, await app.enrollment.start(app.requireSession(request), request.body, request.id)),
  );

  app.get(
    apiPaths.enrollment,
    { schema: { response: { 200: EnrollmentSchema, 404: ProblemSchema, 409: ProblemSchema, 410: ProblemSchema, ...problemsFor({ session: true, upstream: true }) } } },
    async (request, reply) => send(reply, await app.enrollment.resume(app.requireSession(request), request.id)),
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
          ...problemsFor({ stateChanging: true, session: true, rateLimited: true, upstream: true }),
        },
      },
    },
    async (request, reply) => send(reply, await app.enrollment.confirm(app.requireSession(request), request.body, request.id)),
  );

  app.delete(apiPaths.enrollment, { schema: { response: { 204: Type.Null(), ...problemsFor({ stateChanging: true, session: true, upstream: true }) } } }, async (request, reply) =>
    send(reply, await app.enrollment.cancel(app.requireSession(request), request.id)),
  );
};

export default enrollmentRoutes;
