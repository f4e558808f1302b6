/**
 * Serves a compiled data folder (timeline.json and articles/*.json written by the
 * compiler CLI into a temporary directory) in place of `public/data`, via page routes.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';

/** Answers every `…/data/<file>` request from `dir`; anything not there is a 404. */
export async function serveDataDir(page: Page, dir: string): Promise<void> {
  const root = path.resolve(dir);
  await page.route('**/data/**', async (route) => {
    const pathname = decodeURIComponent(new URL(route.request().url()).pathname);
    const relative = pathname.slice(pathname.lastIndexOf('/data/') + '/data/'.length);
    const file = path.resolve(root, relative);
    if (!file.startsWith(root + path.sep)) return route.fulfill({ status: 404, body: 'outside the data folder' });
    try {
      return await route.fulfill({ contentType: 'application/json', body: await readFile(file) });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  });
}
