import { defineConfig } from 'vitest/config';

/**
 * One `vitest run` covers every workspace. Each project keeps its own environment; workspace packages are
 * resolved to their TypeScript sources through the `@pi-enroll/source` export condition, so tests never need
 * a prior build.
 */
const sourceCondition = ['@pi-enroll/source'];

export default defineConfig({
  resolve: { conditions: sourceCondition },
  ssr: { resolve: { conditions: sourceCondition } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'shared', root: 'packages/shared', include: ['test/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'privacyidea-sim', root: 'packages/privacyidea-sim', include: ['test/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'bff', root: 'apps/bff', include: ['test/**/*.test.ts'], environment: 'node' },
      },
      // The web app's own vite config (apps/web/vite.config.ts) adds React and jsdom.
      'apps/web',
    ],
  },
});
