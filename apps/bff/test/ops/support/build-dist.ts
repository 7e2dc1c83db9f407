import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * vitest globalSetup of the ops project: these tests run the BFF and the simulator as real processes
 * (`node apps/bff/dist/server.js`), so the build must be current. `tsc -b` is incremental: a no-op when
 * `npm test` has just type-checked everything.
 */
export default function buildDist(): void {
  const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-b', 'apps/bff'], { cwd: repoRoot, encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) {
    throw new Error(`tsc -b apps/bff failed (${result.status ?? result.signal ?? 'timeout'}):\n${result.stdout}${result.stderr}`);
  }
}
