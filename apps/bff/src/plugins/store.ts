import fp from 'fastify-plugin';
import { MemoryStore } from '../store/memory-store.js';
import { RedisStore } from '../store/redis-store.js';
import type { ExpiringStore } from '../store/expiring-store.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Shared short-lived state: Redis with REDIS_URL (every replica sees it), else this process's memory. */
    store: ExpiringStore;
  }
}

/** Chooses the store once; nothing below asks again whether Redis is configured. */
export default fp(
  (app, _options, done) => {
    const store: ExpiringStore = app.redis !== undefined ? new RedisStore(app.redis) : new MemoryStore(app.clock);
    app.decorate('store', store);
    done();
  },
  { name: 'store', dependencies: ['app-context', 'redis'] },
);
