import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import {
  EnrollmentConfirmedSchema,
  EnrollmentSchema,
  ProblemSchema,
  ResendEnrollmentRequestSchema,
  StartEnrollmentRequestSchema,
  VerifyEnrollmentRequestSchema,
  apiPaths,
} from '@pi-enroll/shared';
import type { StepResult } from '../enrollment/lifecycle.js';
import { answerOf } from '../enrollment/outcomes.js';
import { problemsFor } from './route-schemas.js';

/**
 * Start, resume, confirm, resend (email) and cancel the signed-in user's enrollment. Each route hands the session to the
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
        response: {
          200: EnrollmentSchema,
          201: EnrollmentSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
          ...problemsFor({ stateChanging: true, session: true, rateLimited: true, upstream: true }),
        },
      },
    },
    async (request, reply) => {
      const session = app.requireSession(request);
      const { replaces } = request.body;
      if (replaces !== undefined) {
        // Replacing a lost phone removes a method in the end: it must be the user's, and the user must have
        // proved it is them just now (a fresh sign-in or step-up).
        const tokens = await app.userMethods.tokensOf(session.user, request.id);
        app.userMethods.owned(tokens, replaces);
        await app.stepUp.require(session, tokens);
      }
      return send(reply, await app.enrollment.start(session, request.body, request.id, request.headers.origin));
    },
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
    async (request, reply) => {
      const session = app.requireSession(request);
      const removeReplaced = async (serial: string, by: string) => {
        const tokens = await app.userMethods.tokensOf(session.user, request.id);
        if (!tokens.some((token) => token.serial === serial)) return false;
        await app.userMethods.remove(session.user, tokens, serial, request.id);
        request.log.info({ audit: 'methods', action: 'replaced', user: session.user.username, serial, by }, 'method replaced');
        app.methodActions.inc({ action: 'replaced' });
        return true;
      };
      const result = await app.enrollment.confirm(session, request.body, request.id, request.headers.origin);
      const { outcome } = result;
      if (outcome.kind === 'confirmed' && outcome.replaces !== undefined && outcome.replaces !== outcome.confirmed.serial) {
        // The new method works: only now does the one it replaces go. If privacyIDEA fails here, the user still has
        // a working new method and the old one stays listed (without `replaced`), to remove from the list.
        const replaced = await removeReplaced(outcome.replaces, outcome.confirmed.serial).catch((error: unknown) => {
          request.log.warn({ err: error, serial: outcome.replaces }, 'the new method is confirmed, but the one it replaces could not be removed');
          return false;
        });
        return send(reply, replaced ? { ...result, outcome: { ...outcome, confirmed: { ...outcome.confirmed, replaced: outcome.replaces } } } : result);
      }
      return send(reply, result);
    },
  );

  app.post(
    apiPaths.resendEnrollment,
    {
      // Nothing to send: an empty request counts as `{}`.
      preValidation: (request, _reply, done) => {
        request.body ??= {};
        done();
      },
      schema: {
        body: ResendEnrollmentRequestSchema,
        response: {
          200: EnrollmentSchema,
          404: ProblemSchema,
          409: ProblemSchema,
          410: ProblemSchema,
          ...problemsFor({ stateChanging: true, session: true, rateLimited: true, upstream: true }),
        },
      },
    },
    async (request, reply) => send(reply, await app.enrollment.resend(app.requireSession(request), request.id)),
  );

  app.delete(apiPaths.enrollment, { schema: { response: { 204: Type.Null(), ...problemsFor({ stateChanging: true, session: true, upstream: true }) } } }, async (request, reply) =>
    send(reply, await app.enrollment.cancel(app.requireSession(request), request.id)),
  );
};

export default enrollmentRoutes;
