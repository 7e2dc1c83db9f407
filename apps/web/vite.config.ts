import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { ManualChunksOption } from 'rollup';
import { defaultClientConditions, defaultServerConditions, type BuildEnvironmentOptions } from 'vite';
import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources, in the dev server, the build and the tests alike.
const sourceCondition = '@pi-enroll/source';

const widgetEntry = fileURLToPath(new URL('src/app/widget.tsx', import.meta.url));
const pageEntries = ['src/app/main.tsx', 'src/app/embed.tsx'].map((path) => fileURLToPath(new URL(path, import.meta.url)));

/**
 * The pages: the standalone app (`index.html`, served by the BFF at BASE_PATH), the iframe embed and the state
 * gallery. Each page loads only its own entry, so the gallery never weighs on the widget.
 */
const pagesBuild: BuildEnvironmentOptions = {
  outDir: 'dist',
  emptyOutDir: true,
  manifest: '.vite/pages-manifest.json',
  rollupOptions: {
    input: { index: 'index.html', embed: 'embed.html', gallery: 'gallery.html' },
    output: {
      // Rollup names a shared chunk after one of its modules, which misleads (e.g. "start-mock-api" for the
      // app code the pages share); name them for what they hold. Lazy chunks keep their module's name (`de`,
      // `qr-code`).
      chunkFileNames: (chunk) => (chunk.isDynamicEntry || chunk.name === 'core' ? 'assets/[name]-[hash].js' : 'assets/shared-[hash].js'),
      manualChunks: staticCoreChunk(pageEntries),
    },
  },
};


/**
 * Everything the given entries import statically, in one chunk (`core`); the entry modules alone stay in their
 * own files. One chunk compresses better than the several that Rollup would cut for code the pages share in
 * different subsets (1.7 KB gzip less on the standalone page), and nothing in it imports an entry, so no chunk
 * cycle can arise.
 *
 * The widget's entry must stay its own file: it takes the default API base from its own URL
 * (`import.meta.url`). And the lazy chunks (QR code, languages) must import React and the rest from a hashed
 * file, not from `../widget.js`: a host that loads `widget.js?v=2` would otherwise run a second copy of it, with
 * a second React. Left to itself, Rollup keeps the shared code in widget.js, or (since the entry has exports)
 * moves the entry's code into a chunk behind a re-exporting widget.js, whose `import.meta.url` is then `assets/`.
 */
function staticCoreChunk(entries: string[]): ManualChunksOption {
  let core: Set<string> | undefined;
  return (id, { getModuleInfo }) => {
    if (!core) {
      const found = new Set<string>();
      const visit = (moduleId: string) => {
        for (const imported of getModuleInfo(moduleId)?.importedIds ?? []) {
          if (found.has(imported) || entries.includes(imported)) continue;
          found.add(imported);
          visit(imported);
        }
      };
      entries.forEach(visit);
      core = found;
    }
    return core.has(id) ? 'core' : undefined;
  };
}

/**
 * The script-tag build: `widget.js` (ES module exporting `mount`, defining `<pi-enroll-widget>`) and `widget.css`
 * at stable names, so host pages can link them without knowing any hash; widget.js imports the hashed core
 * chunk (which the BFF lets browsers cache for good), the QR code and other languages load on demand. Every
 * chunk is found relative to the module importing it, so all of it loads from wherever widget.js came from.
 */
const widgetBuild: BuildEnvironmentOptions = {
  outDir: 'dist',
  emptyOutDir: false,
  manifest: '.vite/widget-manifest.json',
  rollupOptions: {
    input: { widget: widgetEntry },
    preserveEntrySignatures: 'exports-only',
    output: {
      entryFileNames: '[name].js',
      chunkFileNames: 'assets/widget-[name]-[hash].js',
      manualChunks: staticCoreChunk([widgetEntry]),
      // The widget's one stylesheet (named after the chunk that imports it, now `core`).
      assetFileNames: (asset) =>
        asset.names.some((name) => name.endsWith('.css')) ? 'widget.css' : 'assets/[name]-[hash][extname]',
    },
  },
};

export default defineConfig(({ mode }) => ({
  // Relative asset URLs: the same build works at whatever path the BFF serves it (BASE_PATH).
  base: './',
  plugins: [react()],
  resolve: { conditions: [sourceCondition, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [sourceCondition, ...defaultServerConditions] } },
  // public/ holds only msw's service worker: ship it in mock mode and nowhere else.
  publicDir: mode === 'mock' ? 'public' : false,
  server: {
    proxy: mode === 'mock' ? undefined : { '/api': process.env.BFF_URL ?? 'http://127.0.0.1:3000' },
  },
  build: {
    ...(mode === 'widget' ? widgetBuild : pagesBuild),
    // Every lazy chunk needs only the core chunk, which is loaded by then, and the one stylesheet: nothing to
    // preload, so neither the preload helper nor its polyfill (1 KB gzip of every page) is shipped.
    modulePreload: false,
  },
  test: {
    name: 'web',
    environment: 'jsdom',
    setupFiles: ['src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'eslint-rules/**/*.test.js'],
    // Vitest blanks stylesheets by default; the contrast test reads the theme tokens as text.
    css: { include: [/tokens\.css/] },
  },
}));
