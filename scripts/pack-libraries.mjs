// Packs the installable packages, @pi-enroll/web and @pi-enroll/mock-api (each builds itself first: `prepack`),
// into a folder under stable names, so a project outside the workspace can depend on
// `file:vendor/pi-enroll-web.tgz` whatever the version:
//
//   node scripts/pack-libraries.mjs examples/react-host/vendor
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';

const destination = resolve(process.argv[2] ?? 'vendor');
const repoRoot = resolve(import.meta.dirname, '..');
const packages = { '@pi-enroll/web': 'pi-enroll-web.tgz', '@pi-enroll/mock-api': 'pi-enroll-mock-api.tgz' };

mkdirSync(destination, { recursive: true });
const workspaces = Object.keys(packages).flatMap((name) => ['-w', name]);
// The builds' output goes to stderr, so stdout is npm's JSON alone.
const packed = JSON.parse(
  execFileSync('npm', ['pack', ...workspaces, '--pack-destination', destination, '--json'], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }),
);
for (const { name, filename } of packed) {
  const stableName = packages[name];
  if (!stableName) throw new Error(`npm packed an unexpected package: ${name}`);
  renameSync(join(destination, filename), join(destination, stableName));
  console.log(`${name} → ${join(destination, stableName)}`);
}
