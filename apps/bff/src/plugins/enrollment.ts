import fp from 'fastify-plugin';
import type { AppOptions } from '../app-options.js';
import type { EnrollmentEvent } from '../enrollment/enrollment-events.js';
import { EnrollmentService } from '../enrollment/enrollment-service.js';
import { Sweeper } from '../enrollment/sweeper.js';

declare module 'fastify' {
  interface FastifyInstance {
    enrollment: EnrollmentService;
    sweeper: Sweeper;
    /** Subscribers to enrollment outcomes (metrics); the audit log is always one of them. */
    enrollmentEvents: Set<(event: EnrollmentEvent) => void>;
  }
}

/** The enrollment lifecycle and the sweeper that cleans up after abandoned enrollments. */
export default fp<AppOptions>(
  (app, options) => {
    const listeners = new Set<(event: EnrollmentEvent) => void>();
    const audit = app.log.child({ audit: 'enrollment' });
    const emit = (event: EnrollmentEvent) => {
      // One audit line per outcome: who, which token, what happened. Never a secret or a code.
      audit.info({ outcome: event.outcome, user: event.username, realm: event.realm, serial: event.serial, mode: event.strategy }, `enrollment ${event.outcome}`);
      for (const listener of listeners) listener(event);
    };
    const { enrollment } = app.config;
    app.decorate('enrollmentEvents', listeners);
    app.decorate('enrollment', new EnrollmentService({ pi: app.privacyidea, config: app.config, clock: app.clock, log: app.log, emit }));
    const sweeper = new Sweeper({
      pi: app.privacyidea,
      clock: app.clock,
      log: app.log.child({ component: 'sweeper' }),
      emit,
      ttlSeconds: enrollment.ttlSeconds,
      maxAttempts: enrollment.maxAttempts,
      intervalSeconds: enrollment.sweepIntervalSeconds,
    });
    app.decorate('sweeper', sweeper);
    if (options.startSweeper !== false) app.addHook('onReady', () => sweeper.start());
    app.addHook('onClose', async () => sweeper.stop());
  },
  { name: 'enrollment', dependencies: ['privacyidea'] },
);
