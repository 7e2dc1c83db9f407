import react from '@vitejs/plugin-react';
import { defaultClientConditions, defaultServerConditions, type BuildEnvironmentOptions } from 'vite';
import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources, in the dev server, the build and the tests alike.
const sourceCondition = '@pi-enroll/source';

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
      // app code the pages share); name them for what they hold.
      chunkFileNames: (chunk) =>
        chunk.moduleIds.some((id) => id.includes('/node_modules/react-dom/'))
          ? 'assets/vendor-[hash].js'
          : chunk.moduleIds.some((id) => id.includes('/src/locales/'))
            ? 'assets/[name]-[hash].js'
            : 'assets/shared-[hash].js',
    },
  },
};

/**
 * The script-tag build: a self-contained `widget.js` (ES module exporting `mount`, defining `<pi-enroll-widget>`)
 * and `widget.css` at stable names, so host pages can link them without knowing any hash.
 */
const widgetBuild: BuildEnvironmentOptions = {
  outDir: 'dist',
  emptyOutDir: false,
  manifest: '.vite/widget-manifest.json',
  rollupOptions: {
    input: { widget: 'src/app/widget.tsx' },
    preserveEntrySignatures: 'exports-only',
    output: {
      entryFileNames: '[name].js',
      chunkFileNames: 'assets/widget-[name]-[hash].js',
      assetFileNames: (asset) => (asset.names.includes('widget.css') ? 'widget.css' : 'assets/[name]-[hash][extname]'),
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
  build: mode === 'widget' ? widgetBuild : pagesBuild,
  test: {
    name: 'web',
    environment: 'jsdom',
    setupFiles: ['src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // Vitest blanks stylesheets by default; the contrast test reads the theme tokens as text.
    css: { include: [/tokens\.css/] },
  },
}));
