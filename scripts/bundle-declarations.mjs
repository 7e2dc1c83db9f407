// Bundles a package's declarations (tsc's .d.ts output) into one file per entry, for the installable builds of
// @pi-enroll/web and @pi-enroll/mock-api. Workspace packages (@pi-enroll/shared) are inlined: they are not
// published, so an outside consumer could not resolve an import of them. Every other package stays an import
// (react, msw, typebox, …), which is why the libraries list those as dependencies or peers.
//
//   node scripts/bundle-declarations.mjs --out-dir dist-lib index=.tsbuild/src/app/library.d.ts …
//
// Paths are relative to the working directory (npm runs a workspace's scripts in its folder).
import { parseArgs } from 'node:util';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

const { values, positionals } = parseArgs({
  options: { 'out-dir': { type: 'string' }, tsconfig: { type: 'string', default: 'tsconfig.json' } },
  allowPositionals: true,
});
const outDir = values['out-dir'];
if (!outDir || positionals.length === 0) {
  console.error('usage: bundle-declarations.mjs --out-dir <dir> [--tsconfig <file>] <name>=<entry.d.ts> …');
  process.exit(2);
}
const input = Object.fromEntries(
  positionals.map((entry) => {
    const [name, file] = entry.split('=');
    if (!name || !file) throw new Error(`not <name>=<entry.d.ts>: ${entry}`);
    return [name, file];
  }),
);

/** tsc keeps a module's `import './x.css'` in its declarations; a stylesheet declares nothing. */
const stylesheetImportsDropped = {
  name: 'stylesheet-imports-dropped',
  resolveId: (id) => (id.endsWith('.css') ? { id: '\0stylesheet', moduleSideEffects: false } : null),
  load: (id) => (id === '\0stylesheet' ? 'export {};' : null),
};

const bundle = await rollup({
  input,
  // Anything imported from outside the workspace stays an import; @pi-enroll/* is inlined.
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('@pi-enroll/'),
  plugins: [stylesheetImportsDropped, dts({
      tsconfig: values.tsconfig,
      includeExternal: ['@pi-enroll/shared'],
      // Resolve @pi-enroll/shared to its tsc declarations (its `types` condition), not to the TypeScript
      // sources the workspace's `@pi-enroll/source` condition names: the plugin inlines a source file's text,
      // implementation and all, instead of declaring it.
      compilerOptions: { customConditions: [] },
    })],
  onwarn(warning, warn) {
    // A declaration bundle must not silently lose a type: every warning fails the build.
    warn(warning);
    throw new Error(`bundle-declarations: ${warning.message}`);
  },
});
await bundle.write({
  dir: outDir,
  format: 'es',
  entryFileNames: '[name].d.ts',
  chunkFileNames: 'chunks/[name]-[hash].d.ts',
  // tsc names TanStack Query's types by the package that declares them, @tanstack/query-core, which is only a
  // dependency of @tanstack/react-query (found by npm's hoisting, not by a strict installer such as pnpm's).
  // @tanstack/react-query, the host's peer dependency, re-exports every one of them.
  paths: { '@tanstack/query-core': '@tanstack/react-query' },
});
await bundle.close();
