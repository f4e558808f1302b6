/**
 * Stage `read`: bytes of one article file → its metadata and body. Decodes strict
 * UTF-8 (a BOM is dropped), normalises CRLF and lone CR to LF, splits the YAML front
 * matter off by hand and parses it with the `yaml` package's core schema (no custom
 * tags, aliases or merge keys; 64 KB at most). Every problem is a CompileError with file:line.
 */
import { isAlias, isMap, isNode, isPair, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
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

/** Front matter is a handful of short fields; anything longer is a missing closing line or an attack. */
const MAX_FRONT_MATTER = 64 * 1024;

/** The name of an article file without its folder: all that the compiled article depends on of its path. */
export const fileNameOf = (file: string): string => file.split(/[\\/]/).pop() ?? file;

/** Derives an article id from its file name: `2025-11-04 SCM.txt` → `2025-11-04-scm`. */
export function idFromFileName(file: string): string {
  const base = fileNameOf(file);
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
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The first ill-formed sequence in `bytes` (its offset and the bytes up to and including
 * the one that breaks it), or undefined. Follows the WHATWG decoder: no overlong forms, no
 * surrogates, nothing past U+10FFFF. One pass, so a bad byte at the end of a 20 MB file
 * costs no more than decoding it.
 */
export function findInvalidUtf8(bytes: Uint8Array): { offset: number; length: number } | undefined {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return { offset: i, length: 1 };
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined) return { offset: i, length: k };
      if (next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return { offset: i, length: k + 1 };
    }
    i += length;
  }
  return undefined;
}

/** 1-based line of a byte offset, counting LF, CRLF and lone CR as one line break each. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const byte = bytes[i];
    if (byte === 0x0a || (byte === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/** Decodes bytes as strict UTF-8, dropping a BOM and normalising line endings. */
export function decodeArticle(file: string, bytes: Uint8Array): string {
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const bad = findInvalidUtf8(bytes) ?? { offset: bytes.length, length: 0 };
    const sequence = Array.from(
      bytes.subarray(bad.offset, bad.offset + bad.length),
      (byte) => `0x${byte.toString(16).padStart(2, '0')}`,
    );
    const ending = bad.offset + bad.length >= bytes.length ? ' at the end of the file' : '';
    throw new CompileError({
      file,
      line: lineOfByte(bytes, bad.offset),
      code: 'encoding',
      message: `expected UTF-8 text, got the invalid byte sequence ${sequence.join(' ')} at byte ${bad.offset}${ending}; save the file as UTF-8`,
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
  return offset === undefined ? fallback : yamlLine(lines, offset);
}

/** File line of an offset into the front matter: its LineCounter is 1-based and the opening "---" is line 1. */
function yamlLine(lines: LineCounter, offset: number): number {
  return lines.linePos(offset).line + 1;
}

type BodySplit = { yamlText: string; body: string; bodyLine: number };

/** Splits the text between the opening and closing "---" lines from the body. */
function splitFrontMatter(file: string, source: string): BodySplit {
  const newline = source.indexOf('\n');
  const firstLine = newline === -1 ? source : source.slice(0, newline);
  if (source.trim() === '')
    throw frontMatterError(
      file,
      1,
      `expected front matter starting with "---", got ${source === '' ? 'an empty file' : 'only white space'}`,
    );
  if (firstLine.trimEnd() !== '---') {
    // gray-matter runs `---js` and `---javascript` front matter as code; say why it is refused.
    const language = /^---\s*(\S+)/.exec(firstLine)?.[1];
    const hint = language ? `; only plain YAML front matter is accepted, never ---js, ---javascript or other languages` : '';
    throw frontMatterError(file, 1, `expected front matter starting with a "---" line, got ${show(firstLine)}${hint}`);
  }
  const rest = source.slice(firstLine.length + 1);
  const match = /^---[ \t]*$/m.exec(rest);
  if (!match) throw frontMatterError(file, 1, 'expected a closing "---" line after the front matter, got the end of the file');
  if (match.index > MAX_FRONT_MATTER)
    throw frontMatterError(
      file,
      1,
      `expected front matter of at most ${MAX_FRONT_MATTER / 1024} KB, got ${Math.ceil(match.index / 1024)} KB before the closing "---"`,
    );
  const bodyStart = firstLine.length + 1 + match.index + match[0].length + 1;
  return {
    yamlText: rest.slice(0, match.index),
    body: source.slice(Math.min(bodyStart, source.length)),
    bodyLine: lineOf(source, bodyStart),
  };
}

/** The first construct beyond plain `key: value` YAML: a tag, an alias or a merge key. */
function unplainYaml(doc: Document): { offset: number; what: string } | undefined {
  let found: { offset: number; what: string } | undefined;
  visit(doc, (_key, node) => {
    if (isAlias(node)) found = { offset: node.range?.[0] ?? 0, what: `the alias *${node.source}; write the value out` };
    else if (isPair(node) && isScalar(node.key) && node.key.value === '<<')
      found = { offset: node.key.range?.[0] ?? 0, what: 'the merge key "<<"; write the keys out' };
    else if (isNode(node) && node.tag !== undefined)
      found = {
        offset: node.range?.[0] ?? 0,
        what: `the tag ${node.tag.replace(/^tag:yaml\.org,2002:/, '!!')}; quote the value instead`,
      };
    return found ? visit.BREAK : undefined;
  });
  return found;
}

/** Parses front matter as plain YAML (core schema: `yes`, `on` and dates stay strings). */
function parseFrontMatter(file: string, yamlText: string): { data: Record<string, unknown>; doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, {
    schema: 'core',
    merge: false,
    uniqueKeys: true,
    lineCounter: lines,
    prettyErrors: false,
  });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem)
    throw frontMatterError(
      file,
      yamlLine(lines, problem.pos[0]),
      `expected plain YAML front matter, got a YAML error: ${problem.message.split('\n')[0]}`,
    );
  const unplain = unplainYaml(doc);
  if (unplain)
    throw frontMatterError(file, yamlLine(lines, unplain.offset), `expected plain YAML front matter, got ${unplain.what}`);
  // With aliases and custom tags refused above, toJS builds plain strings, numbers, booleans,
  // null, arrays and objects; keys such as __proto__ become own properties, never prototypes.
  const data: unknown = doc.toJS({ maxAliasCount: 0 });
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw frontMatterError(file, 2, `expected key: value pairs in the front matter, got ${show(data)}`);
  return { data: data as Record<string, unknown>, doc, lines };
}

/** Checks the front matter's keys and values, reporting the first problem at its line. */
function validateFrontMatter(file: string, parsed: ReturnType<typeof parseFrontMatter>): z.infer<typeof FrontMatterSchema> {
  const { data, doc, lines } = parsed;
  const result = FrontMatterSchema.safeParse(data);
  if (result.success) return result.data;
  // A misspelt key explains a missing one ("titel" → title required), so report it first.
  const issue = result.error.issues.find((i) => i.code === 'unrecognized_keys') ?? result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    return fail(keyLine(doc, lines, key, 1), `expected only the keys ${KNOWN_KEYS}, got unknown key ${show(key)}`);
  }
  const key = String(issue?.path[0]);
  const present = Object.hasOwn(data, key);
  const value = data[key];
  if (!present) return fail(1, `${key}: expected a value (required), got nothing`);
  const line = keyLine(doc, lines, key, 1);
  if (issue?.code === 'invalid_type') {
    const hint = value !== null && typeof value !== 'object' ? '; quote it' : '';
    return fail(line, `${key}: expected a string, got ${show(value)}${hint}`);
  }
  return fail(line, `${key}: ${issue?.message ?? 'expected a valid value'}, got ${show(value)}`);

  function fail(at: number, message: string): never {
    throw new CompileError({ file, line: at, code: 'field', message });
  }
}

/** Reads one article file: strict UTF-8, front matter validated, body kept as written. */
export function readArticle(file: string, bytes: Uint8Array): Article {
  const source = decodeArticle(file, bytes);
  const { yamlText, body, bodyLine } = splitFrontMatter(file, source);
  const { id, ...meta } = validateFrontMatter(file, parseFrontMatter(file, yamlText));
  return { file, meta: { id: id ?? idFromFileName(file), ...meta }, body, bodyLine };
}
