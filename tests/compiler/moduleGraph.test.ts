import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The packages a module loads through static imports, each with the chain of modules that
 * leads to it (dynamic `import()` is not followed: it loads only when the code runs it).
 */
async function staticPackages(entry: string): Promise<Map<string, string[]>> {
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    splitting: true,
    outdir: 'unused',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs: Metafile['inputs'] = metafile.inputs;
  const found = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of inputs[file]?.imports ?? []) {
      if (imported.kind === 'dynamic-import') continue;
      if (!imported.external) walk(imported.path, [...chain, file]);
      else if (!imported.path.startsWith('node:')) {
        // A package's subpath ("chrono-node/en") counts as the package.
        const name = imported.path
          .split('/')
          .slice(0, imported.path.startsWith('@') ? 2 : 1)
          .join('/');
        if (!found.has(name)) found.set(name, [...chain, file]);
      }
    }
  };
  walk(entry, []);
  return found;
}

const NLP = ['compromise', 'chrono-node'];

describe('the compiler’s module graph', () => {
  // A run that takes every article from the cache or the compile state (nothing changed, or
  // --check on an unchanged folder) would otherwise spend ~1 s loading them for nothing.
  it.each(['src/compiler/cli.ts', 'src/compiler/build.ts', 'src/compiler/parallel.ts', 'src/compiler/incremental.ts'])(
    'loads no NLP library from %s until an article is compiled',
    async (entry) => {
      const packages = await staticPackages(entry);
      const reached = NLP.filter((name) => packages.has(name)).map((name) => `${name} via ${packages.get(name)?.join(' → ')}`);
      expect(reached).toEqual([]);
    },
  );

  it('loads both NLP libraries with the per-article stages (the check above sees them)', async () => {
    const packages = await staticPackages('src/compiler/article.ts');
    expect(NLP.filter((name) => packages.has(name))).toEqual(NLP);
  });
});
