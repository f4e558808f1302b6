import { describe, expect, it } from 'vitest';
import { describeIssues, TimelineSchema, whenOf, type Timeline } from '../../src/model/schema';

function makeTimeline(overrides: Partial<Timeline> = {}): Timeline {
  return {
    schemaVersion: 1,
    generator: { name: 'dateline', version: 'test' },
    articles: [{ id: 'a1', title: 'A', published: '2025-11-04', text: 'data/articles/a1.json' }],
    actors: [{ id: 'pete-hegseth', name: 'Pete Hegseth', kind: 'person', aliases: ['Hegseth'] }],
    events: [
      {
        id: 'e1',
        title: 'SCM held',
        when: whenOf('2025-11-04'),
        status: 'occurred',
        actors: ['pete-hegseth'],
        sources: [{ article: 'a1', start: 0, end: 3, quote: 'abc' }],
      },
    ],
    ...overrides,
  };
}

describe('TimelineSchema', () => {
  it('accepts a well-formed timeline', () => {
    expect(TimelineSchema.safeParse(makeTimeline()).success).toBe(true);
  });

  it.each([
    [
      'a when that disagrees with its edtf',
      { events: [{ ...makeTimeline().events[0]!, when: { ...whenOf('2025-11-04'), end: '2025-11-05' } }] },
      'events[0].when.end',
    ],
    ['an unknown actor id', { events: [{ ...makeTimeline().events[0]!, actors: ['nobody'] }] }, 'events[0].actors[0]'],
    ['a javascript: url', { articles: [{ ...makeTimeline().articles[0]!, url: 'javascript:alert(1)' }] }, 'articles[0].url'],
    ['an id that leaves the folder', { articles: [{ ...makeTimeline().articles[0]!, id: '../../x' }] }, 'articles[0].id'],
    [
      'a quote whose length disagrees',
      { events: [{ ...makeTimeline().events[0]!, sources: [{ article: 'a1', start: 0, end: 3, quote: 'ab' }] }] },
      'events[0].sources[0].quote',
    ],
  ])('rejects %s, naming the path', (_name, overrides, path) => {
    const result = TimelineSchema.safeParse(makeTimeline(overrides as Partial<Timeline>));
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues('timeline.json', result.error)).toContain(`timeline.json: ${path}`);
  });
});
