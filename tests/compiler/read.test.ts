import { describe, expect, it } from 'vitest';
import { CompileError } from '../../src/compiler/errors';
import { idFromFileName, readArticle } from '../../src/compiler/read';

const bytes = (text: string) => new TextEncoder().encode(text);

function readError(text: string | Uint8Array): CompileError {
  try {
    readArticle('a.txt', typeof text === 'string' ? bytes(text) : text);
  } catch (error) {
    if (error instanceof CompileError) return error;
    throw error;
  }
  throw new Error('expected readArticle to fail');
}

describe('readArticle', () => {
  it('splits front matter from the body and keeps the body as written', () => {
    const article = readArticle(
      '2025-11-04 SCM.txt',
      bytes('---\ntitle: T\npublished: 2025-11-04\n---\nLine one.\n\nLine two.\n'),
    );
    expect(article.meta).toEqual({ id: '2025-11-04-scm', title: 'T', published: '2025-11-04' });
    expect(article.body).toBe('Line one.\n\nLine two.\n');
    expect(article.bodyLine).toBe(5);
  });

  it('keeps unquoted dates and YAML 1.1 booleans as strings', () => {
    const article = readArticle('a.txt', bytes('---\ntitle: yes\npublished: 2025-10-27T09:04+09:00\npublisher: NO\n---\nx'));
    expect(article.meta.title).toBe('yes');
    expect(article.meta.published).toBe('2025-10-27T09:04+09:00');
    expect(article.meta.publisher).toBe('NO');
  });

  it('drops a BOM and normalises CRLF and CR line endings', () => {
    const article = readArticle('a.txt', bytes('\uFEFF---\r\ntitle: T\r\npublished: 2025-11-04\r---\r\nA\rB\r\n'));
    expect(article.body).toBe('A\nB\n');
  });

  it.each([
    ['an empty file', '', 'front-matter', 1, 'got an empty file'],
    ['no front matter', 'Just text.\n', 'front-matter', 1, 'expected front matter starting with a "---" line'],
    ['---js front matter', '---js\n{title: 1}\n---\n', 'front-matter', 1, 'never ---js'],
    ['unterminated front matter', '---\ntitle: T\npublished: 2025-11-04\n', 'front-matter', 1, 'expected a closing "---"'],
    ['a missing published', '---\ntitle: T\n---\nx', 'field', 1, 'published: expected a value (required)'],
    ['an impossible month', '---\ntitle: T\npublished: 2025-13-45\n---\nx', 'field', 3, 'got "2025-13-45"'],
    ['a day that does not exist', '---\ntitle: T\npublished: 2025-02-29\n---\nx', 'field', 3, 'got "2025-02-29"'],
    ['a relative published', '---\ntitle: T\npublished: yesterday\n---\nx', 'field', 3, 'ISO 8601'],
    ['an unknown key', '---\ntitle: T\npublished: 2025-11-04\npubisher: X\n---\nx', 'field', 4, 'unknown key "pubisher"'],
    [
      'a custom tag',
      '---\ntitle: !!js/function "function(){}"\npublished: 2025-11-04\n---\nx',
      'front-matter',
      2,
      'expected plain YAML',
    ],
    [
      'a javascript: url',
      '---\ntitle: T\npublished: 2025-11-04\nurl: JavaScript:alert(1)\n---\nx',
      'field',
      4,
      'http: or https: URL',
    ],
    ['a duplicate key', '---\ntitle: T\ntitle: U\npublished: 2025-11-04\n---\nx', 'front-matter', 3, 'expected plain YAML'],
  ])('rejects %s with file:line', (_name, text, code, line, message) => {
    const error = readError(text);
    expect(error.code).toBe(code);
    expect(error.line).toBe(line);
    expect(error.format()).toMatch(new RegExp(`^a\\.txt:${line}: `));
    expect(error.message).toContain(message);
  });

  it('rejects invalid UTF-8 and names the line', () => {
    const head = bytes('---\ntitle: T\npublished: 2025-11-04\n---\nok\n');
    const error = readError(new Uint8Array([...head, 0xc3, 0x28]));
    expect(error.code).toBe('encoding');
    expect(error.line).toBe(6);
  });
});

describe('idFromFileName', () => {
  it.each([
    ['2025-11-04 SCM.txt', '2025-11-04-scm'],
    ['../../x.txt', 'x'],
    ['..txt', 'article'],
    ['Über Seoul.md', 'ber-seoul'],
  ])('%s → %s', (file, id) => {
    expect(idFromFileName(file)).toBe(id);
  });
});
