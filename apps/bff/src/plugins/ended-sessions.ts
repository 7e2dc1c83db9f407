import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** Ends a session before its natural end (sign-out, a new sign-in): every copy of its cookie dies with it. */
    endSession(sessionId: string, naturalEndMs: number): Promise<void>;
  }
}

const key = (sessionId: string) => `ended-session:${sessionId}`;

/**
 * The session cookie is self-contained, so signing out alone would only delete the browser's copy. Ended session
 * ids are remembered in the shared store until the session could not live anyway, and a cookie naming one is
 * treated as no session: a copied cookie dies with the sign-out.
 */
export default fp(
  (app, _options, done) => {
    app.decorate('endSession', async (sessionId: string, naturalEndMs: number) => {
      const ttlMs = naturalEndMs - app.clock.now();
      if (ttlMs > 0) await app.store.set(key(sessionId), '1', ttlMs);
    });
    app.addHook('onRequest', async (request) => {
      const session = request.session;
      if (session !== undefined && (await app.store.get(key(session.id))) !== undefined) request.session = undefined;
    });
    done();
  },
  // After the session plugin, whose onRequest hook opens the cookie.
  { name: 'ended-sessions', dependencies: ['app-context', 'store', 'session'] },
);
