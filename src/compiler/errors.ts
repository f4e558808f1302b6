/**
 * The compiler's one typed error. Every problem a user can fix is a CompileError that
 * names the file and line, says what was expected and what was found, and carries the
 * process exit code; anything else is a bug and is reported as such.
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
    const where = this.file === undefined ? '' : this.line === undefined ? `${this.file}: ` : `${this.file}:${this.line}: `;
    return `${where}${this.message}`;
  }
}

/** Quotes a value for an error message, shortened so a huge value cannot flood the terminal. */
export function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
