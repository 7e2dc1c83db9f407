import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { CreateSessionRequestSchema, ProblemSchema, SessionSchema, apiPaths, type Session } from '@pi-enroll/shared';
import { ProblemError } from '../http/problem-error.js';
import { toEnrollment } from '../enrollment/pending-enrollment.js';
import { failuresOf } from '../enrollment/token-state.js';
import { LaunchTokenVerifier } from '../identity/launch-token-verifier.js';
import { InMemoryUsedTokenIds } from '../identity/used-token-ids.js';
import type { SessionUser } from '../session/session-data.js';
import { commonProblems } from './route-schemas.js';

/** Sign-in, who-am-I and sign-out. The user is only ever taken from a verified credential, then from the session. */
const sessionRoutes: FastifyPluginAsyncTypebox<{ demoUsers: string[] }> = async (app, options) => {
  const { config } = app;
  const usedTokenIds = new InMemoryUsedTokenIds(app.clock);
  const launchTokens =
    config.launchToken.secret !== undefined || config.launchToken.jwksUrl !== undefined
      ? new LaunchTokenVerifier({
          ...config.launchToken,
          defaultRealm: config.privacyidea.realm,
          clock: app.clock,
          claimTokenId: usedTokenIds.claim,
        })
      : undefined;
  const demoUsers = new Set(config.demoMode ? options.demoUsers : []);

  app.post(
    apiPaths.session,
    { schema: { body: CreateSessionRequestSchema, response: { 204: Type.Null(), ...commonProblems } } },
    async (request, reply) => {
      const body = request.body;
      let user: SessionUser;
      let via: 'launch-token' | 'demo';
      if ('launchToken' in body) {
        if (launchTokens === undefined) throw new ProblemError(400, 'invalid_request', 'Launch tokens are not enabled here.');
        user = await launchTokens.verify(body.launchToken);
        via = 'launch-token';
      } else if ('password' in body) {
        throw new ProblemError(400, 'invalid_request', 'Password sign-in is not enabled here.');
      } else {
        if (!demoUsers.has(body.username)) {
          throw new ProblemError(400, 'invalid_request', config.demoMode ? 'Pick one of the demo users.' : 'Demo sign-in is not enabled here.');
        }
        user = { username: body.username, realm: config.privacyidea.realm };
        via = 'demo';
      }
      await reply.saveSession(app.newSession(user, via));
      return reply.code(204).send(null);
    },
  );

  app.get(apiPaths.session, { schema: { response: { 200: SessionSchema, ...commonProblems } } }, async (request, reply) => {
    let session = app.requireSession(request);
    const { tokens, snapshot } = await app.enrollment.snapshotTokens(session.user, request.id);
    session = { ...session, tokens: snapshot };
    const pending = session.pending;
    const pendingToken = pending === undefined ? undefined : tokens.find((token) => token.serial === pending.serial);
    const stillPending = pending !== undefined && pendingToken !== undefined && app.clock.now() < pending.expiresAt;
    if (pending !== undefined && !stillPending) {
      const { pending: _gone, ...rest } = session;
      session = rest;
    }
    await reply.saveSession(session);
    const body: Session = {
      user: { username: session.user.username, realm: session.user.realm ?? '' },
      tokens: tokens
        .filter((token) => !snapshot.unconfirmedSerials.includes(token.serial))
        .map((token) => ({ serial: token.serial, type: token.tokentype, description: token.description, active: token.active })),
      pending:
        stillPending && pendingToken !== undefined
          ? toEnrollment(pending, Math.max(0, config.enrollment.maxAttempts - failuresOf(pendingToken)))
          : null,
    };
    reply.header('cache-control', 'no-store');
    return body;
  });

  app.delete(apiPaths.session, { schema: { response: { 204: Type.Null(), 401: ProblemSchema } } }, async (_request, reply) => {
    reply.clearSession();
    return reply.code(204).send(null);
  });
};

export default sessionRoutes;
