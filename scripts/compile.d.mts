/** See compile.mjs. */
export function compilerBundle(entries: readonly string[]): Promise<string>;
/** See compile.mjs. */
export function bundleFailure(error: unknown): string;
/** See compile.mjs. */
export const SNAPSHOT_FLAGS: readonly string[];
