import fp from 'fastify-plugin';
import { EndedSessions } from '../security/ended-sessions.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Sessions signed out (or replaced by a new sign-in) before their cookie expired. */
    endedSessions: EndedSessions;
  }
}

/**
 * The session cookie is self-contained, so signing out alone would only delete the browser's copy. Ended session
 * ids are remembered (in Redis when configured, so every replica knows) until the session could not live
 * anyway, and a cookie naming one is treated as no session: a copied cookie dies with the sign-out.
 */
export default fp(
  (app, _options, done) => {
    const endedSessions = new EndedSessions(app.redis, app.clock);
    app.decorate('endedSessions', endedSessions);
    app.addHook('onRequest', async (request) => {
      const session = request.session;
      if (session !== undefined && (await endedSessions.isEnded(session.id))) request.session = undefined;
    });
    done();
  },
  // After the session plugin, whose onRequest hook opens the cookie.
  { name: 'ended-sessions', dependencies: ['app-context', 'redis', 'session'] },
);
