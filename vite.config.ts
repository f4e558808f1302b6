import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import type { HtmlTagDescriptor, Plugin, ViteDevServer } from 'vite';
import { TIMELINE_FILE } from './src/app/data/timelineFile.ts';

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

/**
 * `npm run dev`: Vite's dev server with `npm run compile -- --watch` running beside it, so
 * that saving an article (or data/actors.yaml) rewrites public/data and reloads the page.
 * The compiler runs in a child process of its own (its NLP libraries stay out of Vite's), its
 * lines go to Vite's log, and the page is reloaded after each compile that succeeds.
 * `DATELINE_NO_COMPILE=1 npm run dev` serves public/data as it is. `args` are the compiler's
 * (tests point it at other folders); Vitest's own dev server never starts it.
 */
export function compileWatchPlugin({
  args = [],
  enabled = !process.env.VITEST && process.env.DATELINE_NO_COMPILE !== '1',
}: { args?: string[]; enabled?: boolean } = {}): Plugin {
  let child: ChildProcess | undefined;
  return {
    name: 'dateline-compile-watch',
    apply: 'serve',
    configureServer(server: ViteDevServer) {
      if (!enabled) return;
      const { logger } = server.config;
      child = spawn(process.execPath, ['scripts/compile.mjs', '--watch', ...args], {
        cwd: server.config.root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const prefix = '[compile] ';
      // The compiler's line for a compile that succeeded (cli.ts).
      const compiled = /^compiled \d+ articles/;
      if (child.stdout)
        createInterface({ input: child.stdout }).on('line', (line) => {
          logger.info(prefix + line, { timestamp: true });
          if (compiled.test(line)) server.ws.send({ type: 'full-reload', path: '*' });
        });
      if (child.stderr)
        createInterface({ input: child.stderr }).on('line', (line) => logger.warn(prefix + line, { timestamp: true }));
      child.on('exit', (code, signal) => {
        if (signal === null && code !== 0)
          logger.error(`${prefix}stopped with exit code ${code}; public/data is no longer kept up to date`, { timestamp: true });
      });
      const stop = () => {
        child?.kill('SIGTERM');
        process.off('exit', stop);
      };
      server.httpServer?.once('close', stop);
      process.once('exit', stop);
    },
  };
}

/**
 * Marks the entry chunk and vis-timeline's chunk for eager compilation (V8's explicit compile
 * hints, Chrome 136 and later; to other engines it is a comment). Most of their functions run
 * while the page loads; compiled on a background thread as they arrive, they no longer stop
 * the main thread at their first call, which took 43 of the 147 ms vis-timeline spent
 * drawing the seed timeline in a trace here, and 43 of a 56 ms React render.
 */
function compileHintsPlugin(): Plugin {
  return {
    name: 'dateline-compile-hints',
    apply: 'build',
    generateBundle: {
      // After Vite's own generateBundle, which puts the preload map at the top of the entry
      // chunk: the comment only counts on the file's first line.
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk' && (chunk.isEntry || chunk.name === 'TimelineView'))
            chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
        }
      },
    },
  };
}

/**
 * Starts the data worker, and its validation of `timeline.json`, from the document's head
 * (src/app/data/headStart.js) while the page's own script is still arriving: on 2 cores the
 * worker's start-up and the validation (~150 ms) then overlap the page's script instead of
 * following it. The policy allows no inline code, so the head script is a file of its own,
 * `async` so that it blocks nothing, told the worker's file name and the timeline's path
 * by data attributes. In dev the page starts the worker and fetches the timeline itself.
 */
function headStartPlugin(): Plugin {
  const source = readFileSync(new URL('./src/app/data/headStart.js', import.meta.url), 'utf8');
  let tag: HtmlTagDescriptor | undefined;
  return {
    name: 'dateline-head-start',
    apply: 'build',
    generateBundle: {
      // Before the HTML is written (vite:build-html's generateBundle), once the worker's file is named.
      order: 'pre',
      handler(_options, bundle) {
        const worker = Object.values(bundle).find((file) => /(^|\/)dataWorker-[\w-]+\.js$/.test(file.fileName));
        if (!worker) this.error('expected the data worker (dataWorker-*.js) in the bundle, found none');
        const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
        const fileName = `${path.posix.dirname(worker.fileName)}/headStart-${hash}.js`;
        this.emitFile({ type: 'asset', fileName, source });
        tag = {
          tag: 'script',
          attrs: {
            async: true,
            src: `./${fileName}`,
            'data-worker': path.posix.basename(worker.fileName),
            'data-timeline': TIMELINE_FILE,
          },
          injectTo: 'head',
        };
      },
    },
    transformIndexHtml: { order: 'post', handler: () => (tag ? [tag] : []) },
  };
}

// Unit tests of the model and compiler run in Node; component tests in jsdom. Both
// pin a time zone far from Seoul (see scripts/test-all.sh) so a date→instant slip shows.
export default defineConfig({
  plugins: [react(), cspPlugin(), compileWatchPlugin(), compileHintsPlugin(), headStartPlugin()],
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
