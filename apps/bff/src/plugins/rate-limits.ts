import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sessionUserOf } from '../identity/user-names.js';
import { apiPaths } from '@pi-enroll/shared';
import { ProblemError } from '../http/problem-error.js';
import type { SessionUser } from '../session/session-data.js';
import { CountingSketchStore } from '../security/counting-sketch-store.js';
import { REDIS_KEY_PREFIX } from './redis.js';

/** A key the limiter skips: the rule does not apply to this request (e.g. no session yet: the route answers 401). */
const NOT_APPLICABLE = '';

interface Rule {
  max: number;
  key: (request: FastifyRequest) => string;
}

function userKey(user: SessionUser): string {
  return JSON.stringify([user.realm ?? '', user.username.toLowerCase()]);
}

/**
 * Rate limits (@fastify/rate-limit counters; in Redis when REDIS_URL is set, so replicas share them) on the
 * requests worth guessing through: password sign-in per address and per username, enrollment start and code
 * confirmation per address and per signed-in user (all of the user's sessions together, so a fresh session
 * does not reset the count). Several limits apply to one route, so they run in one hook that answers
 * 429 `rate_limited` with Retry-After and `retryAfterSeconds`.
 */
export default fp(
  async (app) => {
    const { rateLimits: limits, basePath, privacyidea } = app.config;
    await app.register(rateLimit, {
      global: false,
      timeWindow: limits.windowSeconds * 1000,
      // Without Redis, not the library's LRU of 5,000 keys: throw-away user names would push a victim's counter out.
      ...(app.redis !== undefined ? { redis: app.redis, nameSpace: `${REDIS_KEY_PREFIX}rate:` } : { store: CountingSketchStore }),
    });

    const address = (request: FastifyRequest) => normalizeIP(request.ip);
    const sessionUser = (prefix: string) => (request: FastifyRequest) =>
      request.session === undefined ? NOT_APPLICABLE : `${prefix}${userKey(request.session.user)}`;
    // Only password sign-ins are worth guessing: launch tokens are signed, and limiting them per address would
    // throttle a whole office behind one NAT address.
    const passwordLogin = (request: FastifyRequest) => {
      const body = request.body as { username?: unknown; password?: unknown } | undefined;
      return typeof body?.username === 'string' && typeof body.password === 'string' ? body.username : undefined;
    };
    const passwordUser = (request: FastifyRequest) => {
      const username = passwordLogin(request);
      if (username === undefined) return NOT_APPLICABLE;
      // `bob` and `bob@<realm>` are one user to privacyIDEA, so they share one count.
      const user = sessionUserOf(username.trim(), privacyidea.realm) ?? { username: username.trim(), realm: undefined };
      return `login:user:${userKey(user)}`;
    };
    const passwordAddress = (request: FastifyRequest) => (passwordLogin(request) === undefined ? NOT_APPLICABLE : `login:addr:${address(request)}`);

    const prefix = basePath.replace(/\/$/, '');
    const rules = new Map<string, Rule[]>([
      [
        `POST ${prefix}${apiPaths.session}`,
        [
          { max: limits.loginPerAddress, key: passwordAddress },
          { max: limits.loginPerUser, key: passwordUser },
        ],
      ],
      [
        `POST ${prefix}${apiPaths.enrollment}`,
        [
          { max: limits.enrollPerAddress, key: (request) => `start:addr:${address(request)}` },
          { max: limits.startPerUser, key: sessionUser('start:user:') },
        ],
      ],
      // Each resend mails a code: besides its cooldown, it counts like a start.
      [
        `POST ${prefix}${apiPaths.resendEnrollment}`,
        [
          { max: limits.enrollPerAddress, key: (request) => `resend:addr:${address(request)}` },
          { max: limits.startPerUser, key: sessionUser('resend:user:') },
        ],
      ],
      // Each read of the session lists the user's tokens in privacyIDEA; each sign-out is remembered until the
      // session would have ended. Neither may be had at will.
      [`GET ${prefix}${apiPaths.session}`, [{ max: limits.sessionPerUser, key: sessionUser('session:user:') }]],
      [`DELETE ${prefix}${apiPaths.session}`, [{ max: limits.sessionPerUser, key: sessionUser('sign-out:user:') }]],
      // A step-up code is a guess at one of the user's codes, like a confirmation.
      [`POST ${prefix}${apiPaths.stepUp}`, [{ max: limits.verifyPerUser, key: sessionUser('step-up:user:') }]],
      [`GET ${prefix}${apiPaths.methods}`, [{ max: limits.sessionPerUser, key: sessionUser('methods:user:') }]],
      // "Try it now" with a passkey: each call is a login challenge or a login at privacyIDEA.
      [`POST ${prefix}${apiPaths.methods}/:serial/try`, [{ max: limits.verifyPerUser, key: sessionUser('try:user:') }]],
      [
        `POST ${prefix}${apiPaths.verifyEnrollment}`,
        [
          { max: limits.enrollPerAddress, key: (request) => `verify:addr:${address(request)}` },
          { max: limits.verifyPerUser, key: sessionUser('verify:user:') },
        ],
      ],
    ]);
    const limiters = new Map(
      [...rules].map(([route, routeRules]) => [
        route,
        routeRules.map((rule) => app.createRateLimit({ max: rule.max, keyGenerator: rule.key, allowList: (_request, key) => key === NOT_APPLICABLE })),
      ]),
    );

    // preHandler: the body is parsed (the username is needed) and the session is known.
    app.addHook('preHandler', async (request) => {
      const routeLimiters = limiters.get(`${request.method} ${request.routeOptions.url ?? ''}`);
      if (routeLimiters === undefined) return;
      for (const limiter of routeLimiters) {
        const result = await limiter(request);
        if (!result.isAllowed && result.isExceeded) {
          const retryAfterSeconds = Math.max(1, result.ttlInSeconds);
          request.log.warn({ limit: result.key.split(':').slice(0, 2).join(':'), max: result.max }, 'rate limit exceeded');
          throw new ProblemError(429, 'rate_limited', `Too many attempts. Please wait ${retryAfterSeconds} seconds and try again.`, { retryAfterSeconds });
        }
      }
    });
  },
  { name: 'rate-limits', dependencies: ['app-context', 'redis', 'session'] },
);
