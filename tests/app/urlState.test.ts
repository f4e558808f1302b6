import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE,
  parseUrlState,
  selectionChanged,
  serializeUrlState,
  type KnownIds,
  type ViewState,
} from '../../src/app/url/urlState';

const known: KnownIds = {
  eventSources: new Map([
    ['scm-57', 2],
    ['storm.2024', 1],
  ]),
  actors: new Set(['pete-hegseth', 'ahn-gyu-back', 'harbour_authority']),
  eventsLoaded: true,
};

describe('urlState', () => {
  it.each<[string, Partial<ViewState>]>([
    ['', {}],
    ['?event=scm-57', { event: 'scm-57' }],
    ['?event=scm-57&source=1', { event: 'scm-57', source: 1 }],
    ['?actors=pete-hegseth%2Charbour_authority&mode=all', { actors: ['pete-hegseth', 'harbour_authority'], mode: 'all' }],
    ['?q=Security+Consultative', { query: 'Security Consultative' }],
    ['?q=%3Cscript%3E+%26+%22x%22', { query: '<script> & "x"' }],
    ['?from=2025-10-01&to=2025-11-30', { window: { start: '2025-10-01', end: '2025-11-30' } }],
    ['?lanes=actor', { lanes: 'actor' }],
    [
      '?event=storm.2024&source=0&actors=ahn-gyu-back&q=storm&from=2024-01-01&to=2024-12-31&lanes=article',
      {
        event: 'storm.2024',
        source: 0,
        actors: ['ahn-gyu-back'],
        query: 'storm',
        window: { start: '2024-01-01', end: '2024-12-31' },
        lanes: 'article',
      },
    ],
  ])('parses %s and writes it back the same', (search, patch) => {
    const state = { ...DEFAULT_STATE, ...patch };
    expect(parseUrlState(search, known)).toEqual(state);
    expect(serializeUrlState(state)).toBe(search);
  });

  it.each<[string, Partial<ViewState>]>([
    ['?event=no-such-event&source=0', {}],
    ['?event=scm-57&source=2', { event: 'scm-57' }],
    ['?event=scm-57&source=-1', { event: 'scm-57' }],
    ['?event=scm-57&source=1e3', { event: 'scm-57' }],
    ['?source=1', {}],
    ['?actors=ghost,pete-hegseth,,pete-hegseth', { actors: ['pete-hegseth'] }],
    ['?mode=most', {}],
    ['?from=2025-02-30&to=2025-03-10', {}],
    ['?from=2025-03-10&to=2025-03-01', {}],
    ['?from=2025-03-10', {}],
    ['?lanes=%3Cb%3E', {}],
    ['?event=__proto__&actors=constructor', {}],
    ['?%E0%A4%A', {}],
  ])('drops what does not name known data in %s', (search, patch) => {
    expect(parseUrlState(search, known)).toEqual({ ...DEFAULT_STATE, ...patch });
  });

  it.each<[string, Partial<ViewState>]>([
    ['?event=in-a-shard-not-loaded&source=3', { event: 'in-a-shard-not-loaded', source: 3 }],
    ['?event=scm-57&source=7', { event: 'scm-57', source: 7 }],
    ['?source=1&actors=ghost', {}],
  ])('keeps the event and source of %s unchecked while the events are loading', (search, patch) => {
    expect(parseUrlState(search, { ...known, eventSources: new Map(), eventsLoaded: false })).toEqual({
      ...DEFAULT_STATE,
      ...patch,
    });
  });

  it('leaves defaults out of the URL and never writes a source without an event', () => {
    expect(serializeUrlState(DEFAULT_STATE)).toBe('');
    expect(serializeUrlState({ ...DEFAULT_STATE, source: 1 })).toBe('');
  });

  it('caps the length of a search taken from a URL', () => {
    expect(parseUrlState(`?q=${'a'.repeat(500)}`, known).query).toHaveLength(200);
  });

  it('tells a change of selection from other changes', () => {
    expect(selectionChanged(DEFAULT_STATE, { ...DEFAULT_STATE, event: 'scm-57' })).toBe(true);
    expect(selectionChanged({ ...DEFAULT_STATE, event: 'scm-57' }, { ...DEFAULT_STATE, event: 'scm-57', source: 1 })).toBe(true);
    expect(selectionChanged(DEFAULT_STATE, { ...DEFAULT_STATE, query: 'x', actors: ['a'] })).toBe(false);
  });
});
