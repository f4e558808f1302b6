/**
 * The checkout the compiler belongs to, where it finds package.json and its own sources.
 * Run through tsx, this file's place says; the bundle `npm run compile` runs lives in
 * node_modules/.cache and is told at build time (scripts/compile.mjs defines DATELINE_ROOT).
 */
declare const DATELINE_ROOT: string | undefined;

export const ROOT_URL: URL = typeof DATELINE_ROOT === 'string' ? new URL(DATELINE_ROOT) : new URL('../../', import.meta.url);
