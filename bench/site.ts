/**
 * Building and serving the sites the browser benchmarks load: the viewer's production
 * build (vite build with the project's config), the plain vis-timeline page, and a
 * `vite preview` server over any built folder.
 */
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { build, preview, type PreviewServer } from 'vite';

const root = path.resolve(import.meta.dirname, '..');

/** Builds the viewer into `outDir` with vite.config.ts (type-checking is left to `npm run build`). */
export async function buildViewer(outDir: string): Promise<void> {
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

/** Builds bench/plain into `outDir`. */
export async function buildPlain(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: path.join(root, 'bench', 'plain'),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
}

/** Copies a built site to `target`, leaving out its `data/` so a benchmark can put its own there. */
export async function copySite(from: string, target: string): Promise<void> {
  await rm(target, { recursive: true, force: true });
  await cp(from, target, { recursive: true, filter: (source) => path.relative(from, source) !== 'data' });
}

/** A running `vite preview` over `dir`, and its URL. */
export type Served = { url: string; close: () => Promise<void> };

/** Serves `dir` with `vite preview` on a free port near 4300. */
export async function serve(dir: string): Promise<Served> {
  const server: PreviewServer = await preview({
    configFile: false,
    root,
    base: './',
    logLevel: 'warn',
    build: { outDir: dir },
    preview: { host: '127.0.0.1', port: 4300, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error(`serve: expected vite preview to listen on a local URL, got none for ${dir}`);
  return { url, close: () => server.close() };
}
