/**
 * Content-addressed cache of per-article results, so an unchanged article is never
 * compiled twice. The key covers everything the per-article stages depend on: the
 * article's name and bytes, the compiler version (package version plus a hash of the
 * compiler and model sources) and the actor catalogue. Entries are CompiledArticle JSON
 * behind a checksum, written atomically; a damaged entry is treated as missing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogActor } from './actors/resolveActors';
import { fileNameOf } from './read';
import { ROOT_URL } from './root';
import { stableJson, type CompiledArticle, type InputFile } from './assemble';

/** Where the cache lives when no other folder is given (git-ignored). */
export const DEFAULT_CACHE_DIR = '.cache/dateline';

/** A cache folder plus the salt that ties its entries to one compiler and catalogue. */
export type ArticleCache = { dir: string; salt: string };

const sha256 = (...parts: (string | Uint8Array)[]): string => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

/** Cheap shape check after the checksum: catches entries written by a different layout. */
function looksCompiled(value: unknown): value is CompiledArticle {
  const c = value as Partial<Record<keyof CompiledArticle, unknown>> | null;
  const article = c?.article as { meta?: { id?: unknown }; body?: unknown } | undefined;
  const text = c?.text as { id?: unknown; text?: unknown; paragraphs?: unknown } | undefined;
  return (
    typeof article?.meta?.id === 'string' &&
    typeof article.body === 'string' &&
    typeof text?.text === 'string' &&
    Array.isArray(text.paragraphs) &&
    Array.isArray(c?.events) &&
    Array.isArray(c?.actors)
  );
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|js|json|ya?ml)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * The compiler's version for cache keys: `version` plus a hash of src/compiler and
 * src/model, so editing a stage during development invalidates the cache by itself.
 */
export async function compilerFingerprint(version: string): Promise<string> {
  const src = fileURLToPath(new URL('src/', ROOT_URL));
  const files = [...(await sourceFiles(path.join(src, 'compiler'))), ...(await sourceFiles(path.join(src, 'model')))];
  const hash = createHash('sha256').update(version);
  for (const file of files)
    hash
      .update('\0')
      .update(path.relative(src, file))
      .update('\0')
      .update(await readFile(file));
  return `${version}+${hash.digest('hex').slice(0, 16)}`;
}

/** Opens (without touching the disk) the cache in `dir` for one compiler version and catalogue. */
export function openCache(dir: string, compilerVersion: string, catalog: readonly CatalogActor[]): ArticleCache {
  return { dir, salt: sha256(compilerVersion, sha256(stableJson(catalog))) };
}

/**
 * The cache key of one input file. Its name is part of the key (without an `id:` in the front
 * matter it decides the article id), but not its folder: the same articles compiled from a
 * copied or moved folder are found in the cache (see `relocated`).
 */
export function cacheKey(cache: ArticleCache, input: InputFile): string {
  return sha256(cache.salt, fileNameOf(input.file), input.bytes);
}

/** A cached article as compiled from `file`: an entry may have been made from a file of the same name in another folder. */
export function relocated(compiled: CompiledArticle, file: string): CompiledArticle {
  return compiled.article.file === file ? compiled : { ...compiled, article: { ...compiled.article, file } };
}

const entryPath = (cache: ArticleCache, key: string): string => path.join(cache.dir, key.slice(0, 2), `${key}.json`);

/** The cached result for `key`, or undefined when there is none or it is damaged. */
export async function readCached(cache: ArticleCache, key: string): Promise<CompiledArticle | undefined> {
  const text = await readFile(entryPath(cache, key), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : entryOf(text, key);
}

/** `readCached` without waiting: for the few entries a recompile reads back in the middle of assembling. */
export function readCachedSync(cache: ArticleCache, key: string): CompiledArticle | undefined {
  let text: string;
  try {
    text = readFileSync(entryPath(cache, key), 'utf8');
  } catch {
    return undefined;
  }
  return entryOf(text, key);
}

function entryOf(text: string, key: string): CompiledArticle | undefined {
  // An entry is `<sha256 of the JSON>\n<JSON>`: a checksum finds any damage far faster than validating the JSON.
  const newline = text.indexOf('\n');
  const json = text.slice(newline + 1);
  if (newline !== 64 || createHash('sha256').update(json).digest('hex') !== text.slice(0, 64)) return undefined;
  try {
    const entry = JSON.parse(json) as { key?: unknown; compiled?: unknown };
    return entry.key === key && looksCompiled(entry.compiled) ? entry.compiled : undefined;
  } catch {
    return undefined;
  }
}

/** Stores `compiled` under `key`: written to a temporary file and renamed, so readers never see half an entry. */
export async function writeCached(cache: ArticleCache, key: string, compiled: CompiledArticle): Promise<void> {
  const target = entryPath(cache, key);
  const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const json = JSON.stringify({ key, compiled });
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await writeFile(temporary, `${createHash('sha256').update(json).digest('hex')}\n${json}`);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
