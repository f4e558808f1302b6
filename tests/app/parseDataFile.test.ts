import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MAX_DATA_FILE_CHARS, parseDataFile } from '../../src/app/data/parseTimeline';

const Schema = z.object({ schemaVersion: z.literal(1), name: z.string() });

describe('parseDataFile', () => {
  it.each([
    ['not JSON', '<!doctype html><p>404', 'x.json: expected JSON'],
    ['truncated JSON', '{"schemaVersion": 1, "na', 'x.json: expected JSON'],
    ['a wrong schemaVersion', '{"schemaVersion": 2, "name": "a"}', 'x.json: schemaVersion: expected 1, got 2'],
    ['a missing field', '{"schemaVersion": 1}', 'x.json: name:'],
    ['too many characters', ' '.repeat(MAX_DATA_FILE_CHARS + 1), 'x.json: expected at most 40.0 MiB, got 40.0 MiB'],
  ])('refuses %s, naming the file and the problem', (_name, text, message) => {
    const parsed = parseDataFile('x.json', text, Schema);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toContain(message);
  });

  it('accepts a valid file at the size limit', () => {
    const body = '{"schemaVersion": 1, "name": "a"}';
    const parsed = parseDataFile('x.json', body.padEnd(MAX_DATA_FILE_CHARS, ' '), Schema);
    expect(parsed).toEqual({ ok: true, value: { schemaVersion: 1, name: 'a' } });
  });
});
