import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { CreateSessionRequestSchema, SessionSchema, apiPaths, type Session } from '@pi-enroll/shared';
import { ProblemError } from '../http/problem-error.js';
import { isOurUnfinished } from '../enrollment/user-tokens.js';
import type { SessionData, TokenSnapshot } from '../session/session-data.js';
import { typedUserNameForLog } from '../http/log-redaction.js';
import { problemsFor } from './route-schemas.js';

/** How stale the cookie's token snapshot and last-seen time may get before GET /session writes them again. */
const SNAPSHOT_REFRESH_MS = 30_000;

/** Sign-in, who-am-I and sign-out. The user is only ever taken from a verified credential, then from the session. */
const sessionRoutes: FastifyPluginCallbackTypebox = (app, _options, done) => {
  const { config } = app;
  const { launchTokens, passwordLogin, demoUsers } = app.identity;
  const endSession = (session: SessionData) => app.endSession(session.id, session.createdAt + config.session.maxSeconds * 1000);

  app.post(
    apiPaths.session,
    { schema: { body: CreateSessionRequestSchema, response: { 204: Type.Null(), ...problemsFor({ stateChanging: true, session: true, rateLimited: true, upstream: true }) } } },
    async (request, reply) => {
      const body = request.body;
      // Every sign-in starts a new session with a new id: a session planted before sign-in is never carried over.
      let session: SessionData;
      if ('launchToken' in body) {
        if (launchTokens === undefined) throw new ProblemError(400, 'invalid_request', 'Launch tokens are not enabled here.');
        session = app.newSession(await launchTokens.verify(body.launchToken), 'launch-token');
      } else if ('password' in body) {
        if (passwordLogin === undefined) throw new ProblemError(400, 'invalid_request', 'Password sign-in is not enabled here.');
        const username = body.username.trim();
        try {
          const { user, tokens } = await passwordLogin.authenticate(username, body.password, body.otp, request.id);
          session = { ...app.newSession(user, 'password'), tokens };
        } catch (error) {
          if (error instanceof ProblemError) request.log.warn({ audit: 'session', user: typedUserNameForLog(username), via: 'password', problem: error.code }, 'sign-in failed');
          throw error;
        }
      } else {
        if (!demoUsers.has(body.username)) {
          throw new ProblemError(400, 'invalid_request', config.demoMode ? 'Pick one of the demo users.' : 'Demo sign-in is not enabled here.');
        }
        session = app.newSession({ username: body.username, realm: config.privacyidea.realm }, 'demo');
      }
      request.log.info({ audit: 'session', user: session.user.username, realm: session.user.realm, via: session.via }, 'signed in');
      // The session this browser had before (maybe another user's) ends here, wherever its cookie was copied to.
      if (request.session !== undefined) await endSession(request.session);
      await reply.saveSession(await app.enrollment.carryOver(session));
      return reply.code(204).send(null);
    },
  );

  app.get(
    apiPaths.session,
    {
      schema: {
        description:
          'Who is signed in, their tokens and any unfinished enrollment. 204 when the request carries no session at all (a first visit: nobody is signed in, and the browser logs no failed request); 401 when it carries one that ended or is not valid.',
        response: { 200: SessionSchema, 204: Type.Null(), ...problemsFor({ session: true, rateLimited: true, upstream: true }) },
      },
      // The schema documents the answer (OpenAPI, and the contract test checks real answers against it), but
      // this route, which widgets poll, is not serialized by it: `pending` is a union over the methods, and
      // fast-json-stringify tries such a union's branches on every answer, which under load raised the BFF's
      // peak memory from 145 to 160–225 MB (npm run bench). The body is built field by field below.
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (request, reply) => {
      if (request.session === undefined && !request.sessionCredentialPresented) {
        reply.header('cache-control', 'no-store');
        return reply.code(204).send(null);
      }
      const stored = app.requireSession(request);
      const { tokens, snapshot } = await app.enrollment.snapshotTokens(stored.user, request.id);
      const described = await app.enrollment.describe({ ...stored, tokens: snapshot }, request.id);
      const session = described.session;
      // Sealing a new cookie on every poll is wasted work: only when something changed, or to keep the idle
      // timeout sliding and the snapshot fresh enough for the next start.
      if (stored.pending !== session.pending || needsRefresh(stored, snapshot, app.clock.now())) await reply.saveSession(session);
      const body: Session = {
        user: { username: session.user.username, realm: session.user.realm ?? '' },
        // An unfinished token of ours is an enrollment in progress (or one the sweeper will remove), not a method.
        tokens: tokens
          .filter((token) => !isOurUnfinished(token, app.enrollmentSerials))
          .map((token) => ({ serial: token.serial, type: token.tokentype, description: token.description, active: token.active })),
        pending: described.pending,
      };
      reply.header('cache-control', 'no-store');
      return body;
    },
  );

  app.delete(apiPaths.session, { schema: { response: { 204: Type.Null(), ...problemsFor({ stateChanging: true, rateLimited: true }) } } }, async (request, reply) => {
    if (request.session !== undefined) {
      // Only a session some cookie holds needs ending; one made for this request (a trusted-header request
      // without a cookie) dies with it, and remembering its id would let anyone grow the store at will.
      if (request.session.id === request.cookieSessionId) await endSession(request.session);
      request.log.info({ audit: 'session', user: request.session.user.username, via: request.session.via }, 'signed out');
    }
    reply.clearSession();
    return reply.code(204).send(null);
  });
  done();
};

export default sessionRoutes;

/** Whether GET /session must write the cookie again although the enrollment state did not change. */
function needsRefresh(stored: SessionData, snapshot: TokenSnapshot, now: number): boolean {
  const previous = stored.tokens;
  return (
    previous === undefined ||
    previous.hasUsableToken !== snapshot.hasUsableToken ||
    now - previous.checkedAt > SNAPSHOT_REFRESH_MS ||
    now - stored.lastSeenAt > SNAPSHOT_REFRESH_MS
  );
}
