/** See compile.mjs. */
export function compilerBundle(entries: readonly string[]): Promise<string>;
