import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  ProblemSchema,
  RenameMethodRequestSchema,
  SignInMethodListSchema,
  SignInMethodSchema,
  StepUpRequestSchema,
  StepUpStateSchema,
  apiPaths,
} from '@pi-enroll/shared';
import { isUsableToken } from '../enrollment/user-tokens.js';
import { problemsFor } from './route-schemas.js';

const SerialParamsSchema = Type.Object({ serial: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });

/**
 * The signed-in user's sign-in methods: list, rename, remove (after a step-up), and the step-up itself. The user
 * is the session's; every serial is looked up among that user's tokens, so another user's answers 404.
 */
const methodsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config } = app;
  const audit = (request: { log: { info: (object: object, message: string) => void } }, action: string, user: string, serial: string) =>
    request.log.info({ audit: 'methods', action, user, serial }, `method ${action}`);

  app.get(
    apiPaths.methods,
    { schema: { response: { 200: SignInMethodListSchema, ...problemsFor({ session: true, rateLimited: true, upstream: true }) } } },
    async (request) => {
      const session = app.requireSession(request);
      const tokens = await app.userMethods.tokensOf(session.user, request.id);
      return {
        methods: tokens.map((token) => app.userMethods.view(token)),
        // Recovery codes do not count: a user with only those may add a method.
        canAdd: config.enrollment.allowAdditionalTokens || !tokens.some((token) => isUsableToken(token) && !app.enrollment.isBackupTokenType(token.tokentype)),
        canRemoveLast: config.methods.allowRemovingLast,
        stepUp: await app.stepUp.state(session, tokens),
      };
    },
  );

  app.patch(
    `${apiPaths.methods}/:serial`,
    {
      schema: {
        params: SerialParamsSchema,
        body: RenameMethodRequestSchema,
        response: { 200: SignInMethodSchema, 404: ProblemSchema, ...problemsFor({ stateChanging: true, session: true, upstream: true }) },
      },
    },
    async (request) => {
      const session = app.requireSession(request);
      const renamed = await app.userMethods.rename(session.user, request.params.serial, request.body.description.trim(), request.id);
      audit(request, 'renamed', session.user.username, renamed.serial);
      app.methodActions.inc({ action: 'renamed' });
      return renamed;
    },
  );

  app.delete(
    `${apiPaths.methods}/:serial`,
    {
      schema: {
        params: SerialParamsSchema,
        response: { 204: Type.Null(), 404: ProblemSchema, 409: ProblemSchema, ...problemsFor({ stateChanging: true, session: true, upstream: true }) },
      },
    },
    async (request, reply) => {
      const session = app.requireSession(request);
      const tokens = await app.userMethods.tokensOf(session.user, request.id);
      // Unknown or foreign serials are 404 before anything else, so a step-up prompt never confirms a serial exists.
      app.userMethods.owned(tokens, request.params.serial);
      await app.stepUp.require(session, tokens);
      const removed = await app.userMethods.remove(session.user, tokens, request.params.serial, request.id);
      audit(request, 'removed', session.user.username, removed.serial);
      app.methodActions.inc({ action: 'removed' });
      return reply.code(204).send(null);
    },
  );

  app.post(
    apiPaths.stepUp,
    { schema: { body: StepUpRequestSchema, response: { 200: StepUpStateSchema, ...problemsFor({ stateChanging: true, session: true, rateLimited: true, upstream: true }) } } },
    async (request) => {
      const session = app.requireSession(request);
      await app.stepUp.confirm(session, request.body.code.replace(/\s+/g, ''), request.id);
      request.log.info({ audit: 'session', user: session.user.username, via: 'step-up' }, 'stepped up');
      return app.stepUp.state(session, await app.userMethods.tokensOf(session.user, request.id));
    },
  );
};

export default methodsRoutes;
