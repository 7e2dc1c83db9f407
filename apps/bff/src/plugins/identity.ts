import fp from 'fastify-plugin';
import type { AppOptions } from '../app-options.js';
import { LaunchTokenVerifier } from '../identity/launch-token-verifier.js';
import { PasswordLogin } from '../identity/password-login.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The ways a sign-in proves who the user is, as configured (config.identity.modes lists them). */
    identity: {
      launchTokens: LaunchTokenVerifier | undefined;
      passwordLogin: PasswordLogin | undefined;
      /** Demo users that may be picked (embedded simulator only); empty otherwise. */
      demoUsers: ReadonlySet<string>;
    };
  }
}

/** Builds the identity modes once, from the configuration; the trusted header is its own plugin (a request hook). */
export default fp<AppOptions>(
  (app, options, done) => {
    const { config } = app;
    const launchTokens =
      config.launchToken.secret !== undefined || config.launchToken.jwksUrl !== undefined
        ? new LaunchTokenVerifier({
            ...config.launchToken,
            defaultRealm: config.privacyidea.realm,
            clock: app.clock,
            // Claimed in the shared store, or a launch token could be replayed once per replica.
            claimTokenId: (jti, expiresAtMs) => app.store.claim(`launch-jti:${jti}`, '1', Math.max(1000, expiresAtMs - app.clock.now())),
          })
        : undefined;
    const passwordLogin = config.identity.passwordLogin
      ? new PasswordLogin({ pi: app.privacyidea, enrollment: app.enrollment, realm: config.privacyidea.realm })
      : undefined;
    app.decorate('identity', { launchTokens, passwordLogin, demoUsers: new Set(config.demoMode ? (options.demoUsers ?? []) : []) });
    done();
  },
  { name: 'identity', dependencies: ['app-context', 'store', 'privacyidea', 'enrollment'] },
);
