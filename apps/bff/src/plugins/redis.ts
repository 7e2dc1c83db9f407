import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';

declare module 'fastify' {
  interface FastifyInstance {
    /** The shared store of all replicas (REDIS_URL), or undefined when this process keeps its own state. */
    redis: Redis | undefined;
  }
}

export { STORE_KEY_PREFIX as REDIS_KEY_PREFIX } from '../store/expiring-store.js';

/**
 * One Redis connection per process for what several replicas must share: the shared store (store/redis-store.ts) and
 * the rate-limit counters. The process refuses to start when Redis is configured but unreachable; later
 * outages fail closed (the request errors) rather than silently forgetting a replay or a limit.
 */
export default fp(
  async (app) => {
    const url = app.config.redisUrl;
    if (url === undefined) {
      app.decorate('redis', undefined);
      return;
    }
    // Loaded only when configured: a single process never carries the client (about 20 MB resident).
    const { Redis: RedisClient } = await import('ioredis');
    const redis = new RedisClient(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 1 });
    let lastError = '';
    redis.on('error', (error: Error) => {
      // ioredis reports every reconnection attempt; one line per distinct error is enough.
      if (error.message !== lastError) app.log.warn({ err: error }, 'redis connection error');
      lastError = error.message;
    });
    redis.on('ready', () => {
      lastError = '';
    });
    try {
      await redis.connect();
    } catch (error) {
      redis.disconnect();
      throw new Error(`REDIS_URL: cannot connect to Redis (${(error as Error).message})`, { cause: error });
    }
    app.decorate('redis', redis);
    app.addHook('onClose', async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
  },
  { name: 'redis', dependencies: ['app-context'] },
);
