import fp from 'fastify-plugin';
import type { AppOptions } from '../app-options.js';
import type { EnrollmentEvent } from '../enrollment/enrollment-events.js';
import { EnrollmentSerials } from '../enrollment/enrollment-serial.js';
import { EnrollmentLifecycle } from '../enrollment/lifecycle.js';
import type { PendingEnrollment } from '../enrollment/pending-enrollment.js';
import { PendingStore } from '../enrollment/pending-store.js';
import { Sealer } from '../session/session-sealer.js';
import { Sweeper } from '../enrollment/sweeper.js';
import { enrollmentMethods } from '../methods/registry.js';

/** A lock or `confirming` mark of a holder that stopped renewing it (a killed replica) lapses after this. */
const LOCK_TTL_MS = 10_000;

declare module 'fastify' {
  interface FastifyInstance {
    enrollment: EnrollmentLifecycle;
    /** Recognises the serials of tokens pi-enroll made (enrollment-serial.ts). */
    enrollmentSerials: EnrollmentSerials;
    sweeper: Sweeper;
    /** Subscribers to enrollment outcomes (metrics); the audit log is always one of them. */
    enrollmentEvents: Set<(event: EnrollmentEvent) => void>;
  }
}

/** The enrollment lifecycle over the registered methods, and the sweeper that cleans up after crashes. */
export default fp<AppOptions>(
  (app, options) => {
    const listeners = new Set<(event: EnrollmentEvent) => void>();
    const audit = app.log.child({ audit: 'enrollment' });
    const emit = (event: EnrollmentEvent) => {
      // One audit line per outcome: who, which enrollment and token, what happened. Never a secret or a code.
      audit.info(
        { outcome: event.outcome, user: event.username, realm: event.realm, method: event.method, enrollmentId: event.enrollmentId, serial: event.serial, reason: event.reason },
        `enrollment ${event.outcome}`,
      );
      for (const listener of listeners) listener(event);
    };
    const { config } = app;
    const serials = new EnrollmentSerials(config.session.secret);
    const methods = enrollmentMethods(config.enrollment.methods);
    const pendingSealer = new Sealer<PendingEnrollment>(config.session.secret, app.clock, {
      keyInfo: 'pending-enrollment v1',
      associatedData: 'pi-enroll pending enrollment v1',
    });
    const pendingStore = new PendingStore(app.store, app.clock, pendingSealer, {
      lockTtlMs: LOCK_TTL_MS,
      // A confirmation's privacyIDEA calls take at most about 8 × PI_TIMEOUT_MS (each waits for a connection and
      // an answer); a request queued behind one waits that long, then answers 503.
      lockWaitMs: 8 * config.privacyidea.timeoutMs,
      // Outlives any enrollment another browser may have started before this user confirmed (see lifecycle.ts).
      enrolledMarkMs: (config.enrollment.ttlSeconds + 120) * 1000,
    });
    app.decorate('enrollmentEvents', listeners);
    app.decorate('enrollmentSerials', serials);
    const lifecycle = new EnrollmentLifecycle({
      pi: app.privacyidea,
      config,
      clock: app.clock,
      log: app.log,
      emit,
      pendingStore,
      serials,
      methods,
    });
    app.decorate('enrollment', lifecycle);
    const sweeper = new Sweeper({
      pi: app.privacyidea,
      clock: app.clock,
      log: app.log.child({ component: 'sweeper' }),
      emit,
      serials,
      pendingStore,
      realm: config.privacyidea.realm,
      methodOfTokenType: (tokentype) => lifecycle.methodOfTokenType(tokentype),
      intervalSeconds: config.enrollment.sweepIntervalSeconds,
    });
    app.decorate('sweeper', sweeper);
    if (options.startSweeper !== false) app.addHook('onReady', () => sweeper.start());
    app.addHook('onClose', async () => sweeper.stop());
  },
  { name: 'enrollment', dependencies: ['privacyidea', 'store'] },
);
