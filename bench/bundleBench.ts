/**
 * Bundle benchmark: the viewer's production build, split into what index.html loads
 * first (its module scripts, module preloads and stylesheets) and everything else,
 * which loads later (lazy chunks such as the timeline). Sizes are gzip level 9.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Recorder } from './results';

/** The asset paths index.html loads before anything runs. */
export function initialAssets(html: string): string[] {
  const found = new Set<string>();
  const tag = /<(script|link)\b[^>]*>/gi;
  for (const [element, name] of html.matchAll(tag)) {
    const attr = (key: string): string | undefined => new RegExp(`\\b${key}\\s*=\\s*"([^"]*)"`, 'i').exec(element)?.[1];
    const rel = attr('rel')?.toLowerCase();
    const ref =
      name?.toLowerCase() === 'script' ? attr('src') : rel === 'stylesheet' || rel === 'modulepreload' ? attr('href') : undefined;
    if (ref && !/^(https?:|data:)/.test(ref)) found.add(ref.replace(/^\.?\//, ''));
  }
  return [...found].sort();
}

const gzipSize = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).length;

/** Measures the build in `distDir` (already built). */
export async function bundleBench(distDir: string): Promise<Recorder> {
  const rec = new Recorder('bundle');
  const initial = new Set(initialAssets(await readFile(path.join(distDir, 'index.html'), 'utf8')));
  const assets = (await readdir(distDir, { recursive: true }))
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => /\.(js|css)$/.test(file) && !file.startsWith('data/'));
  const sums = { 'initial JS': 0, 'initial CSS': 0, 'later JS': 0, 'later CSS': 0 };
  const later: string[] = [];
  for (const file of assets.sort()) {
    const key = `${initial.has(file) ? 'initial' : 'later'} ${file.endsWith('.css') ? 'CSS' : 'JS'}` as keyof typeof sums;
    const bytes = gzipSize(await readFile(path.join(distDir, file)));
    sums[key] += bytes;
    if (!initial.has(file)) later.push(`${file} ${(bytes / 1024).toFixed(1)} KiB`);
  }
  for (const [name, bytes] of Object.entries(sums)) rec.add(`${name} gzip`, bytes / 1024, 'KiB', null);
  rec.add('assets loaded first', initial.size, 'files', null, [...initial].join(' '));
  // Each later file with its size: not every page loads them all (the validation chunk
  // loads only where the data worker cannot run).
  rec.add('assets loaded later', later.length, 'files', null, later.join('; '));
  return rec;
}
