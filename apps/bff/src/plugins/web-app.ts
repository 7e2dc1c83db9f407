import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

/** The built widget (apps/web/dist), next to this app in the repository. */
const defaultDistDir = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Serves the built web app at BASE_PATH, when it has been built. The API works without it. */
export default fp(
  async (app) => {
    const { basePath } = app.config;
    // `/mfa` is where people type or link to; the page and its relative asset URLs live at `/mfa/`.
    if (basePath !== '/') {
      app.get(basePath.slice(0, -1), { schema: { hide: true } }, (request, reply) => {
        const query = request.url.indexOf('?');
        return reply.redirect(query === -1 ? basePath : `${basePath}${request.url.slice(query)}`, 301);
      });
    }
    const root = app.config.webDistDir ?? defaultDistDir;
    // Host pages on other sites (EMBED_ORIGINS, ALLOWED_ORIGINS) load widget.js, widget.css and the chunks: the
    // API's `same-site`/`same-origin` resource policy would block them (ERR_BLOCKED_BY_RESPONSE.NotSameSite). The
    // files are public anyway; which origins may read them by CORS is csrf-guard.ts's part.
    const embeddable = app.config.embedOrigins.length > 0 || app.config.allowedOrigins.length > 0;
    if (!existsSync(root)) {
      app.log.info({ root }, 'web app not built; serving the API only (run `npm run build`)');
      return;
    }
    await app.register(fastifyStatic, {
      root,
      prefix: basePath,
      index: ['index.html'],
      // The build writes .br and .gz copies (apps/web/scripts/precompress-dist.mjs): sent to browsers that
      // accept them, with Vary: Accept-Encoding. A third of a second per 100 KB on a slow phone link.
      preCompressed: true,
      // Nothing under a dot directory is for browsers: dist/.vite/ holds Vite's build manifests (every file and
      // chunk of the build, for the bundle budget check), answered 404 like any other missing file.
      dotfiles: 'ignore',
      // Hashed assets may be cached for long; HTML must be re-read so a deployment takes effect at once.
      setHeaders: (res, path) => {
        res.header('cache-control', /\/assets\//.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
        if (embeddable) res.header('cross-origin-resource-policy', 'cross-origin');
      },
    });
  },
  { name: 'web-app', dependencies: ['app-context'] },
);
