import fp from 'fastify-plugin';
import { sessionUserOf } from '../identity/user-names.js';
import { remoteUserOf } from '../identity/remote-user.js';
import { parseAddressList } from '../security/address-matcher.js';

/**
 * Identity from a trusted SSO reverse proxy (REMOTE_USER_HEADER from TRUSTED_PROXIES). There is no sign-in
 * call: every request the proxy vouches for carries the user, and the session follows it. A request whose user
 * differs from the session's gets a new session (rotation); a session that came from the header is dropped as
 * soon as a request arrives without the proxy's word for it (direct access, or the SSO session ended).
 */
export default fp(
  (app) => {
    const { identity, privacyidea } = app.config;
    const header = identity.remoteUserHeader;
    if (header === undefined) return;
    const options = { header, trustedProxies: parseAddressList(identity.trustedProxies), log: app.log };

    app.addHook('onRequest', (request, _reply, done) => {
      const remoteUser = remoteUserOf(request, { ...options, log: request.log });
      const user = remoteUser === undefined ? undefined : sessionUserOf(remoteUser, privacyidea.realm);
      if (remoteUser !== undefined && user === undefined) request.log.warn({ header }, 'remote-user header names name@realm but PI_REALM is not set; ignored');
      const session = request.session;
      if (user === undefined) {
        if (session?.via === 'trusted-header') request.session = undefined;
      } else if (session === undefined || session.user.username !== user.username || session.user.realm !== user.realm) {
        request.session = app.newSession(user, 'trusted-header');
      }
      done();
    });
  },
  // After the session plugin, whose onRequest hook reads the cookie first.
  { name: 'trusted-header', dependencies: ['app-context', 'session'] },
);
