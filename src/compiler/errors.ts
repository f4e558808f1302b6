/**
 * The compiler's one typed error. Every problem a user can fix is a CompileError that
 * names the file and line, says what was expected and what was found, and carries the
 * process exit code; anything else is a bug and is reported as such. Whatever reaches
 * the terminal is escaped, so a hostile file name or value cannot forge lines or
 * reorder text with control or bidirectional characters.
 */

export type CompileErrorCode =
  'encoding' | 'front-matter' | 'field' | 'duplicate-id' | 'input' | 'output' | 'contract' | 'usage' | 'stale';

export class CompileError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly code: CompileErrorCode;
  readonly exitCode: number;

  constructor(options: { file?: string; line?: number; code: CompileErrorCode; message: string; exitCode?: number }) {
    super(options.message);
    this.name = 'CompileError';
    this.file = options.file;
    this.line = options.line;
    this.code = options.code;
    this.exitCode = options.exitCode ?? (options.code === 'usage' ? 2 : 1);
  }

  /** `file:line: message`, the form editors and terminals link to. */
  format(): string {
    const file = this.file === undefined ? undefined : escapeUnsafe(this.file, true);
    const where = file === undefined ? '' : this.line === undefined ? `${file}: ` : `${file}:${this.line}: `;
    return `${where}${escapeUnsafe(this.message, false)}`;
  }
}

// C0 and C1 controls, zero-width and bidirectional formatting characters, line and
// paragraph separators and the BOM: each could hide or rearrange what a terminal shows.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** Replaces characters that could forge or disguise terminal output with `\uXXXX` escapes. */
export function escapeUnsafe(text: string, escapeNewlines: boolean): string {
  return text.replace(UNSAFE, (char) =>
    char === '\n' && !escapeNewlines ? char : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const SHOWN = 80;

/** Quotes a value for an error message, shortened so a huge value cannot flood the terminal. */
export function show(value: unknown): string {
  // Cut long strings before quoting them, so a 20 MB value costs no more than a short one.
  const head = typeof value === 'string' && value.length > SHOWN * 2 ? value.slice(0, SHOWN * 2) : value;
  const text = escapeUnsafe(typeof head === 'string' ? JSON.stringify(head) : (JSON.stringify(head) ?? String(head)), true);
  if (text.length <= SHOWN) return text;
  // Never cut an astral character in half.
  const cut = /[\ud800-\udbff]/.test(text[SHOWN - 4] ?? '') ? SHOWN - 4 : SHOWN - 3;
  return `${text.slice(0, cut)}…`;
}
