import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexCatalog, parseActorCatalog } from '../../../src/compiler/actors/catalog';
import { CompileError } from '../../../src/compiler/errors';
import { IdSchema } from '../../../src/model/schema';

function catalogError(yamlText: string): CompileError {
  try {
    parseActorCatalog(yamlText, 'actors.yaml');
  } catch (error) {
    if (error instanceof CompileError) return error;
    throw error;
  }
  throw new Error('expected parseActorCatalog to fail');
}

describe('parseActorCatalog', () => {
  it('reads the curated list in data/actors.yaml', () => {
    const catalog = parseActorCatalog(readFileSync('data/actors.yaml', 'utf8'), 'data/actors.yaml');
    expect(catalog.length).toBeGreaterThanOrEqual(30);
    expect(new Set(catalog.map((actor) => actor.id)).size).toBe(catalog.length);
    for (const actor of catalog) expect(IdSchema.safeParse(actor.id).success).toBe(true);
    expect(catalog.find((actor) => actor.id === 'pete-hegseth')).toMatchObject({ name: 'Pete Hegseth', kind: 'person' });
    expect(catalog.find((actor) => actor.id === 'south-korea')?.metonyms).toContain('Seoul');
  });

  it('fills in an empty alias list and keeps optional fields only when given', () => {
    const [actor] = parseActorCatalog('- id: acme\n  name: Acme Corp.\n  kind: organization\n', 'a.yaml');
    expect(actor).toEqual({ id: 'acme', name: 'Acme Corp.', kind: 'organization', aliases: [] });
  });

  it('accepts an empty file as an empty list', () => {
    expect(parseActorCatalog('# nothing yet\n', 'a.yaml')).toEqual([]);
  });

  it.each([
    ['a YAML syntax error', '- id: a\n  name: [unclosed\n', 'input', 3, 'expected plain YAML'],
    ['a duplicate key', '- id: a\n  id: b\n  name: A\n  kind: person\n', 'input', 2, 'expected plain YAML'],
    ['a map instead of a list', 'id: a\nname: A\n', 'field', 1, 'expected a list of actors'],
    ['a string entry', '- just a string\n', 'field', 1, 'entry: expected object, got "just a string"'],
    [
      'a missing name',
      '- id: a\n  name: A\n  kind: person\n- id: b\n  kind: person\n',
      'field',
      4,
      'name: expected a value (required)',
    ],
    ['an unknown kind', '- id: a\n  name: A\n  kind: human\n', 'field', 3, 'got "human"'],
    [
      'an id that is not a slug',
      '- id: Bad Id\n  name: A\n  kind: person\n',
      'field',
      1,
      'id: expected an id of lower-case letters',
    ],
    ['an unknown key', '- id: a\n  name: A\n  kind: person\n  alias: [x]\n', 'field', 4, 'got unknown key "alias"'],
    [
      'an empty alias',
      '- id: a\n  name: A\n  kind: person\n  aliases: ["", x]\n',
      'field',
      4,
      'aliases[0]: expected a non-empty string',
    ],
    [
      'aliases that are not a list',
      '- id: a\n  name: A\n  kind: person\n  aliases: Kim\n',
      'field',
      4,
      'aliases: expected array, got "Kim"',
    ],
    [
      'a duplicate id',
      '- id: a\n  name: A\n  kind: person\n- id: a\n  name: B\n  kind: person\n',
      'field',
      4,
      'got "a" used twice',
    ],
    [
      'an alias claimed by two actors',
      '- id: a\n  name: A\n  kind: person\n  aliases: [Kim]\n- id: b\n  name: B\n  kind: person\n  aliases:\n    - Lee\n    - KIM\n',
      'field',
      10,
      'got "KIM" for both a and b',
    ],
    [
      'an unknown country',
      '- id: a\n  name: A\n  kind: organization\n  country: b\n',
      'field',
      4,
      'country: expected the id of a country',
    ],
  ])('rejects %s with file:line', (_name, yamlText, code, line, message) => {
    const error = catalogError(yamlText);
    expect(error.code).toBe(code);
    expect(error.line).toBe(line);
    expect(error.format()).toMatch(new RegExp(`^actors\\.yaml:${line}: `));
    expect(error.message).toContain(message);
    expect(error.message).toMatch(/expected .*, got /);
  });

  it("lets a metonym share its words with another actor's name", () => {
    const catalog = parseActorCatalog(
      '- id: japan\n  name: Japan\n  kind: country\n  metonyms: [Tokyo]\n- id: tokyo\n  name: Tokyo\n  kind: place\n',
      'a.yaml',
    );
    const index = indexCatalog(catalog);
    expect(index.metonyms.get('tokyo')?.id).toBe('japan');
    expect(index.names.get('tokyo')?.id).toBe('tokyo');
  });
});

describe('indexCatalog', () => {
  it.each([
    ['Lee Jae-myung', 'lee jae myung', 'lee-jae-myung'],
    ["Seoul's Defense Ministry", 'seoul defense ministry', 'ministry-of-national-defense'],
    ['U.S.', 'us', 'united-states'],
    ['the Pentagon', 'pentagon', 'pentagon'],
  ])('keys %s as %s', (_surface, key, id) => {
    const index = indexCatalog(parseActorCatalog(readFileSync('data/actors.yaml', 'utf8'), 'data/actors.yaml'));
    expect(index.names.get(key)?.id).toBe(id);
  });

  it('keeps lower-case "the …" phrases and titles as descriptions, never as names', () => {
    const index = indexCatalog(
      parseActorCatalog(
        '- id: mnd\n  name: Ministry of National Defense\n  kind: organization\n  aliases: [the ministry]\n- id: hegseth\n  name: Pete Hegseth\n  kind: person\n  titles: [the Secretary]\n',
        'a.yaml',
      ),
    );
    expect(index.names.has('ministry')).toBe(false);
    expect(index.descriptors.get('ministry')?.map((actor) => actor.id)).toEqual(['mnd']);
    expect(index.descriptors.get('secretary')?.map((actor) => actor.id)).toEqual(['hegseth']);
  });
});
