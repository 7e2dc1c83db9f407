import fp from 'fastify-plugin';
import type { AppOptions } from '../app-options.js';
import { PiTransport } from '../privacyidea/pi-transport.js';
import { PrivacyIdeaClient } from '../privacyidea/privacyidea-client.js';
import { UpstreamClock } from '../privacyidea/upstream-clock.js';

declare module 'fastify' {
  interface FastifyInstance {
    privacyidea: PrivacyIdeaClient;
    privacyideaTransport: PiTransport;
  }
}

/** The one privacyIDEA client of this process: a keep-alive pool and the cached admin JWT. */
export default fp<AppOptions>(
  (app, options) => {
    const { privacyidea } = app.config;
    if (privacyidea.url === undefined) throw new Error('privacyIDEA URL missing: server.ts starts the embedded simulator first');
    const transport = new PiTransport({
      baseUrl: privacyidea.url,
      timeoutMs: privacyidea.timeoutMs,
      caFile: privacyidea.caFile,
      ...(options.dispatcher !== undefined ? { dispatcher: options.dispatcher } : {}),
    });
    transport.observe((event) => {
      app.log.debug({ upstream: event }, 'privacyIDEA request');
    });
    const clock = app.clock;
    if (clock instanceof UpstreamClock) transport.onServerTime((serverTimeMs) => clock.learn(serverTimeMs));
    app.decorate('privacyideaTransport', transport);
    app.decorate(
      'privacyidea',
      new PrivacyIdeaClient(transport, { username: privacyidea.adminUser, password: privacyidea.adminPassword }, app.clock),
    );
    app.addHook('onClose', async () => transport.close());
  },
  { name: 'privacyidea', dependencies: ['app-context'] },
);
