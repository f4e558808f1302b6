/**
 * Loads what a compile needs besides the articles: the generator's name and version
 * (from package.json) and the curated actor catalogue (data/actors.yaml). Shared by the
 * compile and eval commands so both compile the same way.
 */
import { readFile } from 'node:fs/promises';
import type { CompileOptions } from './pipeline';

const ROOT = new URL('../../', import.meta.url);

/** Reads package.json and the actor catalogue into CompileOptions. */
export async function loadCompileOptions(): Promise<CompileOptions> {
  const pkg = JSON.parse(await readFile(new URL('package.json', ROOT), 'utf8')) as { version: string };
  return { generator: { name: 'dateline', version: pkg.version } };
}
