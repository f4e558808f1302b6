import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sortItems, overviewItems } from '../../src/app/timeline/itemsInWindow';
import { TimelinePreview } from '../../src/app/timeline/TimelinePreview';
import type { TimelineItem } from '../../src/app/timeline/toTimelineItems';
import type { CalendarDate } from '../../src/model/calendarDate';
import { overviewOf } from '../../src/model/overview';
import { whenOf } from '../../src/model/schema';

const point = (id: string, start: CalendarDate): TimelineItem => ({
  id,
  eventId: id,
  type: 'point',
  start,
  content: id,
  title: id,
  className: 'dl-item',
});

const items = sortItems([
  point('a', '2025-03-03'),
  point('b', '2025-03-04'),
  point('c', '2025-03-04'),
  point('d', '2025-03-20'),
  point('outside', '2026-01-01'),
]);

const bars = (container: HTMLElement) => [...container.querySelectorAll('rect.preview-bar')];

describe('TimelinePreview', () => {
  it('draws one bar per day with events in the window, the busiest tallest, and names the count', () => {
    const { container } = render(<TimelinePreview sorted={items} window={{ start: '2025-03-01', end: '2025-03-31' }} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Loading the timeline. Meanwhile, 4 events in view, counted by day',
    );
    const heights = bars(container).map((bar) => Number(bar.getAttribute('height')));
    expect(heights).toHaveLength(3);
    expect(Math.max(...heights)).toBe(heights[1]);
    // Bars sit where their days are: 3 March is 2/30 of the way across a 1,000-unit drawing.
    expect(Number(bars(container)[0]?.getAttribute('x'))).toBeCloseTo((2 / 30) * 1000);
  });

  it.each([
    ['no window', null],
    ['a window with no events', { start: '2024-01-01', end: '2024-02-01' }],
  ])('with %s it only says the timeline is loading', (_, window) => {
    const { container } = render(<TimelinePreview sorted={items} window={window} />);
    expect(screen.getByText('Loading the timeline…')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    expect(bars(container)).toHaveLength(0);
  });

  it('draws a sharded timeline’s overview before its events arrive', () => {
    const events = ['2021-05-03', '2021-05-04', '2022-07-01'].map((day) => ({ when: whenOf(day) }));
    render(<TimelinePreview sorted={overviewItems(overviewOf(events))} window={{ start: '2021-01-01', end: '2023-01-01' }} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Loading the timeline. Meanwhile, 3 events in view, counted by week',
    );
  });
});
