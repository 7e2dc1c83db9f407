import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

/**
 * The installable library (`npm pack -w @pi-enroll/web`): ES modules for a host's bundler, into dist-lib/ (not
 * dist/, which is the BFF's web root and emptied by the page build). React, react-dom and TanStack Query are
 * the host's (peer dependencies: one React, and one QueryClient context a host's provider can share);
 * qrcode.react stays an import the host's bundler resolves and splits. @pi-enroll/shared is bundled: it is not
 * published, and the widget uses only its schema-free helpers. The declarations come from tsc, bundled by
 * scripts/bundle-declarations.mjs at the root.
 */
const entry = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const external = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query($|\/)/, /^qrcode\.react($|\/)/];

export default defineConfig({
  plugins: [react()],
  // The workspace's sources, as in vite.config.ts.
  resolve: { conditions: ['@pi-enroll/source', ...defaultClientConditions] },
  publicDir: false,
  build: {
    outDir: 'dist-lib',
    emptyOutDir: true,
    // For a bundler: it minifies the host's build as a whole; readable code here keeps stack traces useful.
    minify: false,
    sourcemap: true,
    target: 'es2023',
    lib: {
      entry: { index: entry('src/app/library.ts'), headless: entry('src/app/headless.ts') },
      formats: ['es'],
      // The one stylesheet, as in widget.js's build: `import '@pi-enroll/web/widget.css'`.
      cssFileName: 'widget',
    },
    rollupOptions: {
      external,
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
