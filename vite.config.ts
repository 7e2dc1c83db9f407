import { configDefaults, defineConfig } from 'vitest/config';

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
        test: { name: 'test-processes', root: 'packages/test-processes', include: ['test/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'bff', root: 'apps/bff', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/ops/**'], environment: 'node' },
      },
      // Operations: the built BFF and the simulator as real processes (graceful shutdown, two replicas behind
      // nginx), readiness, metrics, the OpenAPI contract and a bounded fault soak. globalSetup builds dist/ first.
      {
        extends: true,
        test: {
          name: 'bff-ops',
          root: 'apps/bff',
          include: ['test/ops/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/ops/support/build-dist.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      // The web app's own vite config (apps/web/vite.config.ts) adds React and jsdom.
      'apps/web',
      // The QA kit's msw handlers, tested on their own (packages/mock-api/vitest.config.ts).
      'packages/mock-api',
      {
        extends: true,
        test: {
          name: 'e2e',
          root: 'e2e',
          include: ['**/*.e2e.test.ts'],
          environment: 'node',
          // A real browser against the built product: slower than unit tests, never timed by them.
          testTimeout: 90_000,
          hookTimeout: 60_000,
        },
      },
      // The installable packages as an outside project gets them: `npm pack`, then examples/react-host installed
      // from the tarballs, built and tested in a temporary folder, and its pages in Chromium against the built
      // product (about 40 s; npm install needs the registry or its cache, the product `npm run build`).
      {
        extends: true,
        test: {
          name: 'packaging',
          root: 'e2e',
          include: ['packaging/**/*.test.ts'],
          environment: 'node',
          hookTimeout: 600_000,
          // After every other project: its builds take both cores for half a minute, which would stretch the
          // timed browser and server tests running beside it.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
