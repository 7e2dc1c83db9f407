import fp from 'fastify-plugin';
import type { AppOptions } from '../app-options.js';
import type { Clock } from '../clock.js';
import type { AppConfig } from '../config/app-config.js';
import { UpstreamClock } from '../privacyidea/upstream-clock.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig;
    clock: Clock;
  }
}

/** The validated configuration and the clock, read everywhere else through these decorators. */
export default fp<AppOptions>(
  (app, options) => {
    app.decorate('config', options.config);
    // Unless a test injects one, the clock follows privacyIDEA's (see upstream-clock.ts).
    app.decorate('clock', options.clock ?? new UpstreamClock());
  },
  { name: 'app-context' },
);
