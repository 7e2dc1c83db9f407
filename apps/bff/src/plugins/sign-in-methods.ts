import fp from 'fastify-plugin';
import { StepUp } from '../sign-in-methods/step-up.js';
import { UserMethods } from '../sign-in-methods/user-methods.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The signed-in user's methods in privacyIDEA: list, rename, remove. */
    userMethods: UserMethods;
    /** Whether the user proved it is still them recently enough to remove or replace a method. */
    stepUp: StepUp;
  }
}

/** The management of the user's sign-in methods, beside the enrollment of new ones. */
export default fp(
  (app, _options, done) => {
    const { config } = app;
    app.decorate(
      'userMethods',
      new UserMethods({
        pi: app.privacyidea,
        config,
        serials: app.enrollmentSerials,
        methodOfTokenType: (tokentype) => app.enrollment.methodOfTokenType(tokentype),
      }),
    );
    app.decorate('stepUp', new StepUp({ pi: app.privacyidea, store: app.store, clock: app.clock, maxAgeSeconds: config.methods.stepUpMaxAgeSeconds }));
    done();
  },
  { name: 'sign-in-methods', dependencies: ['app-context', 'store', 'privacyidea', 'enrollment'] },
);
