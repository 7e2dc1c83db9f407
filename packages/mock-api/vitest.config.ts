import { defaultServerConditions } from 'vite';
import { defineProject } from 'vitest/config';

// Loaded as a project by the root vitest config once it lists 'packages/mock-api'; runs alone with
// `npm test -w @pi-enroll/mock-api`. Workspace packages resolve to their TypeScript sources.
const conditions = ['@pi-enroll/source', ...defaultServerConditions];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: { name: 'mock-api', include: ['test/**/*.test.ts'], environment: 'node' },
});
