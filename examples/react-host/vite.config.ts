import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  // index.html: <EnrollmentWidget>; headless.html: the host's own UI over useEnrollment().
  build: { rollupOptions: { input: { index: 'index.html', headless: 'headless.html' } } },
  test: { environment: 'jsdom' },
});
