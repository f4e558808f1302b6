import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Unit tests of the model and compiler run in Node; component tests in jsdom. Both
// pin a time zone far from Seoul (see scripts/test-all.sh) so a date→instant slip shows.
export default defineConfig({
  plugins: [react()],
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
          include: ['tests/model/**/*.test.ts', 'tests/compiler/**/*.test.ts', 'tests/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['tests/app/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/app/setup.ts'],
        },
      },
    ],
  },
});
