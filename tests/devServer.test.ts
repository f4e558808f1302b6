/**
 * `npm run dev`: Vite's dev server starts the compiler in --watch beside it (compileWatchPlugin
 * in vite.config.ts); an edited article reaches the output folder and the page is told to
 * reload; closing the server stops the compiler.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, type HotPayload, type ViteDevServer } from 'vite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileWatchPlugin } from '../vite.config';
import { sleep, snapshotFolder as snapshot, until } from './fixtures/folders';

const root = path.resolve(import.meta.dirname, '..');
describe('npm run dev', { timeout: 120_000 }, () => {
  let work: string;
  let server: ViteDevServer | undefined;
  beforeEach(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'dateline-dev-'));
    await cp(path.join(root, 'data/articles'), path.join(work, 'in'), { recursive: true });
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await rm(work, { recursive: true, force: true });
  });

  it('compiles on start and after each edit, reloads the page after each compile, and stops with the server', async () => {
    const out = path.join(work, 'out');
    const args = ['--in', path.join(work, 'in'), '--out', out, '--cache', path.join(work, 'cache')];
    server = await createServer({
      configFile: false,
      root,
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0, watch: null },
      plugins: [compileWatchPlugin({ args, enabled: true })],
    });
    // What the server tells the page, seen on the way out (the real send still runs).
    const told: HotPayload[] = [];
    const send = server.ws.send.bind(server.ws) as (payload: HotPayload) => void;
    server.ws.send = ((payload: HotPayload) => {
      told.push(payload);
      send(payload);
    }) as typeof server.ws.send;
    await server.listen();
    const reloads = () => told.filter((payload) => payload.type === 'full-reload').length;

    await until(() => reloads() === 1, 'a reload after the first compile', 60_000);
    const first = await readFile(path.join(out, 'timeline.json'), 'utf8');
    const [name] = (await readdir(path.join(work, 'in'))).sort();
    const file = path.join(work, 'in', name as string);
    await writeFile(file, `${(await readFile(file, 'utf8')).trimEnd()}\nThe talks ended on Friday with a joint statement.\n`);
    await until(() => reloads() === 2, 'a reload after the edit', 60_000);
    expect(await readFile(path.join(out, 'timeline.json'), 'utf8')).not.toBe(first);

    await server.close();
    server = undefined;
    // The compiler is gone with the server: a later edit changes nothing (it would change the article's text).
    const last = await snapshot(out);
    await writeFile(file, `${(await readFile(file, 'utf8')).trimEnd()}\nA second edit after the server closed.\n`);
    await sleep(2000);
    expect(await snapshot(out)).toEqual(last);
  });
});
