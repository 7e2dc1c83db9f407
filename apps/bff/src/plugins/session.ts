import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { IdentityMode } from '@pi-enroll/shared';
import { ProblemError } from '../http/problem-error.js';
import type { SessionData, SessionUser } from '../session/session-data.js';
import { SESSION_HEADER, SessionSealer } from '../session/session-sealer.js';

/**
 * The header that carries an embedded widget's session credential both ways. A widget that wants one sends it
 * with the value `new` until it holds one; the BFF answers the sealed session in it whenever it saves the session,
 * and `ended` when the session ends.
 */
export const SESSION_HEADER_NAME = 'pi-enroll-session';
const NO_CREDENTIAL_YET = 'new';
const ENDED = 'ended';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user's session, or undefined. Set only from the encrypted cookie or header credential. */
    session: SessionData | undefined;
    /**
     * The id of the session the request's cookie or header credential holds, if any: a session made for this
     * request alone has none.
     */
    cookieSessionId: string | undefined;
    /** The request carried a session credential (cookie or header), valid or not: a first visit carries none. */
    sessionCredentialPresented: boolean;
    /** The widget asked for its session in the `pi-enroll-session` header (it is embedded in another site). */
    sessionInHeader: boolean;
  }
  interface FastifyReply {
    /** Stores the session in the response's cookie, and in its `pi-enroll-session` header when the widget asked. */
    saveSession(session: SessionData): Promise<void>;
    clearSession(): void;
  }
  interface FastifyInstance {
    /** Starts a new session (a new id: sessions are rotated at every sign-in). */
    newSession(user: SessionUser, via: IdentityMode): SessionData;
    /** The session or a 401 `unauthenticated` problem. */
    requireSession(request: FastifyRequest): SessionData;
  }
}

const LOCALHOST = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Secure cookies everywhere except plain http on the developer's own machine. */
function isSecureContext(request: FastifyRequest): boolean {
  return request.protocol === 'https' || !LOCALHOST.has(request.hostname.replace(/:\d+$/, ''));
}

/**
 * Sessions live in one encrypted, HttpOnly, SameSite=Lax cookie with an idle timeout and an absolute
 * lifetime. The `__Host-` prefix pins it to this host and path "/" whenever it is served over https at the root.
 *
 * A widget embedded in another site never gets that cookie back (SameSite, blocked third-party cookies), so it
 * may ask for the same sealed session in a response header instead (sealed under a key of its own, with the
 * cookie's expiry) and keep it in memory. A request that carries one is judged by it alone: a tampered, expired
 * or ended one is no session, whatever cookie came along. No page can make a browser send that header for
 * someone else (it is not ambient like a cookie), so it is CSRF-proof by construction; the Origin check still
 * applies on top.
 */
export default fp(
  async (app) => {
    await app.register(cookie);
    const { session: settings, basePath } = app.config;
    const sealer = new SessionSealer(settings.secret, app.clock);
    const headerSealer = new SessionSealer(settings.secret, app.clock, SESSION_HEADER);
    const cookieName = (secure: boolean) => (secure && basePath === '/' ? '__Host-pi_enroll_session' : 'pi_enroll_session');

    app.decorateRequest('session', undefined);
    app.decorateRequest('cookieSessionId', undefined);
    app.decorateRequest('sessionCredentialPresented', false);
    app.decorateRequest('sessionInHeader', false);
    app.decorate('newSession', (user: SessionUser, via: IdentityMode): SessionData => {
      const now = app.clock.now();
      return { id: randomUUID(), user, via, createdAt: now, lastSeenAt: now };
    });
    app.decorate('requireSession', (request: FastifyRequest): SessionData => {
      if (request.session === undefined) throw new ProblemError(401, 'unauthenticated', 'Please sign in first.');
      return request.session;
    });

    app.decorateReply('saveSession', async function saveSession(this: FastifyReply, session: SessionData) {
      const now = app.clock.now();
      const refreshed = { ...session, lastSeenAt: now };
      const expiresAt = Math.min(refreshed.createdAt + settings.maxSeconds * 1000, now + settings.idleSeconds * 1000);
      const secure = isSecureContext(this.request);
      this.request.session = refreshed;
      this.setCookie(cookieName(secure), sealer.seal(refreshed, expiresAt), {
        path: basePath,
        httpOnly: true,
        secure,
        sameSite: 'lax',
        expires: new Date(expiresAt),
      });
      if (this.request.sessionInHeader) this.header(SESSION_HEADER_NAME, headerSealer.seal(refreshed, expiresAt));
    });
    app.decorateReply('clearSession', function clearSession(this: FastifyReply) {
      const secure = isSecureContext(this.request);
      this.request.session = undefined;
      this.clearCookie(cookieName(secure), { path: basePath, httpOnly: true, secure, sameSite: 'lax' });
      if (this.request.sessionInHeader) this.header(SESSION_HEADER_NAME, ENDED);
    });

    app.addHook('onRequest', async (request) => {
      const header = request.headers[SESSION_HEADER_NAME];
      request.sessionInHeader = header !== undefined;
      const credential = typeof header === 'string' && header !== NO_CREDENTIAL_YET ? header : undefined;
      const value = request.sessionInHeader && header !== NO_CREDENTIAL_YET ? credential : request.cookies[cookieName(isSecureContext(request))];
      if (value === undefined) return;
      request.sessionCredentialPresented = true;
      const session = (credential !== undefined ? headerSealer : sealer).open(value);
      if (session === undefined) return;
      const now = app.clock.now();
      const idle = now - session.lastSeenAt > settings.idleSeconds * 1000;
      const tooOld = now - session.createdAt > settings.maxSeconds * 1000;
      if (!idle && !tooOld) {
        request.session = session;
        request.cookieSessionId = session.id;
      }
    });
  },
  { name: 'session', dependencies: ['app-context'] },
);
