/**
 * Loads what a compile needs besides the articles: the generator's name and version
 * (from package.json) and the curated actor catalogue (data/actors.yaml). Shared by the
 * compile and eval commands so both compile the same way.
 */
import { readFile } from 'node:fs/promises';
import { parseActorCatalog } from './actors/catalog';
import { CompileError } from './errors';
import type { CompileOptions } from './assemble';
import { ROOT_URL } from './root';

export const DEFAULT_CATALOG = 'data/actors.yaml';

/** Reads package.json and the actor catalogue (a path relative to the working folder) into CompileOptions. */
export async function loadCompileOptions(catalogFile = DEFAULT_CATALOG): Promise<CompileOptions> {
  const pkg = JSON.parse(await readFile(new URL('package.json', ROOT_URL), 'utf8')) as { version: string };
  let yamlText: string;
  try {
    yamlText = await readFile(catalogFile, 'utf8');
  } catch {
    throw new CompileError({
      file: catalogFile,
      code: 'input',
      message: 'expected the curated actor list, got no readable file; pass --actors FILE',
    });
  }
  const catalog = parseActorCatalog(yamlText, catalogFile);
  return { generator: { name: 'dateline', version: pkg.version }, catalog };
}
