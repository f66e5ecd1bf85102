import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The service serves the console from its classpath under /console/, so the build goes straight
// into Maven's output directory; the dev server proxies the API to a service on :8080.
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: process.env.CONSOLE_OUT_DIR ?? '../target/classes/public/console',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    // read by scripts/bundle-size.mjs, which measures the first load and then removes it
    manifest: true,
  },
  server: {
    proxy: {
      '/graphql': 'http://localhost:8080',
      '/login': 'http://localhost:8080',
      '/excel': 'http://localhost:8080',
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
