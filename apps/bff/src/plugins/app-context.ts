import fp from 'fastify-plugin';
import type { AppOptions } from '../app-options.js';
import { systemClock, type Clock } from '../clock.js';
import type { AppConfig } from '../config/app-config.js';

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
    app.decorate('clock', options.clock ?? systemClock);
  },
  { name: 'app-context' },
);
