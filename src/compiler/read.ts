/**
 * Stage `read`: bytes of one article file → its metadata and body. Decodes strict
 * UTF-8 (a BOM is dropped), normalises CRLF and lone CR to LF, splits the YAML front
 * matter off by hand and parses it with the `yaml` package's core schema (no custom
 * tags, no merge keys, bounded aliases). Every problem is a CompileError with file:line.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { parseCalendarDate } from '../model/calendarDate';
import { HttpUrlSchema, IdSchema } from '../model/schema';
import { CompileError, show } from './errors';

export type ArticleMeta = {
  id: string;
  title: string;
  /** As written: `YYYY-MM-DD` or an ISO 8601 date-time with offset. */
  published: string;
  publisher?: string;
  wire?: string;
  byline?: string;
  url?: string;
  timezone?: string;
};

export type Article = {
  /** The file name as given to the compiler, used in messages. */
  file: string;
  meta: ArticleMeta;
  /** The body after the front matter, line endings normalised to LF. */
  body: string;
  /** 1-based line number of the body's first line in the file. */
  bodyLine: number;
};

const PUBLISHED = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const publishedSchema = z.string().refine((value) => {
  const match = PUBLISHED.exec(value);
  if (!match || !parseCalendarDate(match[1] ?? '')) return false;
  const [hh, mm, ss] = [match[2], match[3], match[4]].map((part) => Number(part ?? 0));
  return (hh ?? 0) < 24 && (mm ?? 0) < 60 && (ss ?? 0) < 60;
}, 'expected an ISO 8601 date or date-time with offset such as 2025-11-04 or 2025-10-27T09:04+09:00');

const text = (max: number) =>
  z.string().trim().min(1, 'expected a non-empty string').max(max, `expected at most ${max} characters`);

const FrontMatterSchema = z.strictObject({
  title: text(500),
  published: publishedSchema,
  publisher: text(200).optional(),
  wire: text(200).optional(),
  byline: text(200).optional(),
  url: HttpUrlSchema.optional(),
  id: IdSchema.optional(),
  timezone: z.string().refine(isIanaZone, 'expected an IANA time zone such as Asia/Seoul').optional(),
});

const KNOWN_KEYS = Object.keys(FrontMatterSchema.shape).join(', ');

/** Derives an article id from its file name: `2025-11-04 SCM.txt` → `2025-11-04-scm`. */
export function idFromFileName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/\.[^.]*$/, '');
  const id = stem
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[^a-z0-9]+|[-_.]+$/g, '')
    .slice(0, 128);
  return id || 'article';
}

function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** Decodes bytes as strict UTF-8, dropping a BOM and normalising line endings. */
export function decodeArticle(file: string, bytes: Uint8Array): string {
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    let valid = bytes.length;
    for (let end = 1; end <= bytes.length; end++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      } catch {
        valid = end - 1;
        break;
      }
    }
    const line = lineOf(new TextDecoder().decode(bytes.subarray(0, valid)), valid);
    throw new CompileError({
      file,
      line,
      code: 'encoding',
      message: `expected UTF-8 text, got an invalid byte sequence; save the file as UTF-8`,
    });
  }
  const normalised = decoded.replace(/\r\n?/g, '\n');
  const nul = normalised.indexOf('\u0000');
  if (nul !== -1)
    throw new CompileError({
      file,
      line: lineOf(normalised, nul),
      code: 'encoding',
      message: 'expected text, got a NUL byte; is this a binary file?',
    });
  return normalised;
}

function frontMatterError(file: string, line: number, message: string): CompileError {
  return new CompileError({ file, line, code: 'front-matter', message });
}

function keyLine(doc: Document, lines: LineCounter, key: PropertyKey | undefined, fallback: number): number {
  if (typeof key !== 'string' || !isMap(doc.contents)) return fallback;
  const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key);
  const offset = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
  // LineCounter lines are 1-based within the YAML; the opening "---" is line 1 of the file.
  return offset === undefined ? fallback : lines.linePos(offset).line + 1;
}

/** Reads one article file: strict UTF-8, front matter validated, body kept as written. */
export function readArticle(file: string, bytes: Uint8Array): Article {
  const source = decodeArticle(file, bytes);
  const firstLine = source.slice(0, source.indexOf('\n') === -1 ? source.length : source.indexOf('\n'));
  if (source.trim() === '') throw frontMatterError(file, 1, 'expected front matter starting with "---", got an empty file');
  if (firstLine.trimEnd() !== '---') {
    const hint = /^---\s*\S/.test(firstLine) ? '; only plain YAML front matter is accepted, never ---js or other languages' : '';
    throw frontMatterError(
      file,
      1,
      `expected front matter starting with a "---" line, got ${show(firstLine.slice(0, 60))}${hint}`,
    );
  }
  const closing = /^---[ \t]*$/m;
  const rest = source.slice(firstLine.length + 1);
  const match = closing.exec(rest);
  if (!match) throw frontMatterError(file, 1, 'expected a closing "---" line after the front matter, got the end of the file');
  const yamlText = rest.slice(0, match.index);
  const bodyStart = firstLine.length + 1 + match.index + match[0].length + 1;
  const body = source.slice(Math.min(bodyStart, source.length));
  const bodyLine = lineOf(source, bodyStart);

  const lines = new LineCounter();
  const doc = parseDocument(yamlText, {
    schema: 'core',
    merge: false,
    uniqueKeys: true,
    lineCounter: lines,
    prettyErrors: false,
  });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const line = 1 + (problem.linePos?.[0]?.line ?? lines.linePos(problem.pos[0]).line);
    throw frontMatterError(file, line, `expected plain YAML front matter, got ${problem.message.split('\n')[0]}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    throw frontMatterError(file, 2, `expected plain YAML front matter, got ${(error as Error).message.split('\n')[0]}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw frontMatterError(file, 2, `expected key: value pairs in the front matter, got ${show(data)}`);

  const parsed = FrontMatterSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.code === 'unrecognized_keys' ? issue.keys[0] : issue?.path[0];
    const line = keyLine(doc, lines, key, 1);
    const got =
      issue?.code === 'unrecognized_keys'
        ? `unknown key ${show(key)}`
        : `${show((data as Record<string, unknown>)[String(key)])}`;
    const expected =
      issue?.code === 'unrecognized_keys'
        ? `expected only the keys ${KNOWN_KEYS}`
        : issue?.code === 'invalid_type' && issue.input === undefined
          ? `${String(key)}: expected a value (required)`
          : `${String(key)}: ${issue?.message ?? 'expected a valid value'}`;
    throw new CompileError({ file, line, code: 'field', message: `${expected}, got ${got}` });
  }
  const { id, ...meta } = parsed.data;
  return { file, meta: { id: id ?? idFromFileName(file), ...meta }, body, bodyLine };
}
