import { fileURLToPath } from 'node:url';
import { defaultServerConditions, defineConfig } from 'vite';

/**
 * The installable QA kit (`npm pack -w @pi-enroll/mock-api`): one ES module into dist-lib/ (dist/ is tsc's
 * workspace output). msw is the host's (a peer dependency): the handlers go into the host's own
 * `setupServer`/`setupWorker`, whose msw must be the one that made them, and a browser's worker script
 * (`mockServiceWorker.js`) must match the host's msw. typebox is a dependency (the contract checks run on it).
 * @pi-enroll/shared is bundled: it is not published. The declarations come from tsc, bundled by
 * scripts/bundle-declarations.mjs at the root.
 */
export default defineConfig({
  resolve: { conditions: ['@pi-enroll/source', ...defaultServerConditions] },
  publicDir: false,
  build: {
    outDir: 'dist-lib',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    target: 'es2023',
    lib: { entry: { index: fileURLToPath(new URL('src/index.ts', import.meta.url)) }, formats: ['es'] },
    rollupOptions: { external: [/^msw($|\/)/, /^typebox($|\/)/] },
  },
});
