import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';

/**
 * The built viewer's Content-Security-Policy: nothing from elsewhere, no inline code.
 * `style-src 'self'` suffices because vis-timeline and React set styles through the
 * CSSOM (element.style), which style-src does not govern (tests/e2e/csp.spec.ts checks
 * that nothing is blocked). `img-src data:` is for icons inlined in vis-timeline's CSS.
 * frame-ancestors, report-uri and sandbox are left out: a `<meta>` policy ignores them.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** Writes the policy into index.html at build time only: the dev server's React refresh needs inline scripts. */
function cspPlugin(): Plugin {
  return {
    name: 'dateline-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// Unit tests of the model and compiler run in Node; component tests in jsdom. Both
// pin a time zone far from Seoul (see scripts/test-all.sh) so a date→instant slip shows.
export default defineConfig({
  plugins: [react(), cspPlugin()],
  base: './',
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 800 },
  preview: { port: 4173, strictPort: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/model/**/*.test.ts', 'tests/compiler/**/*.test.ts', 'tests/bench/**/*.test.ts', 'tests/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['tests/app/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/app/setup.ts'],
          // Rendering the whole viewer in jsdom takes seconds on a busy 2-core machine.
          testTimeout: 20_000,
        },
      },
    ],
  },
});
