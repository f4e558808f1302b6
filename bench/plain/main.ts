/**
 * The benchmark's baseline: the same timeline.json the viewer gets, drawn by a bare
 * vis-timeline with default options (fixed height, no current-time bar), no React, filters or
 * validation. Day ranges end on the exclusive next day, as in the viewer.
 */
import { DataSet } from 'vis-data/esnext';
import { Timeline, type DataItem } from 'vis-timeline/esnext';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import { addDays } from '../../src/model/calendarDate';
import type { Timeline as TimelineData } from '../../src/model/schema';

async function main(): Promise<void> {
  const container = document.getElementById('timeline');
  if (!container) throw new Error('plain: expected a #timeline element, got none');
  const response = await fetch('./data/timeline.json');
  const data = (await response.json()) as TimelineData;
  const items: DataItem[] = [];
  for (const event of data.events) {
    const { start, end, precision } = event.when;
    if (start === null || end === null) continue;
    const point = precision === 'day' && start === end;
    items.push(
      point
        ? { id: event.id, content: event.title, start, type: 'point' }
        : { id: event.id, content: event.title, start, end: addDays(end, 1), type: 'range' },
    );
  }
  // The viewer hides the current-time bar too; left on, its periodic updates would blur the redraw timings.
  new Timeline(container, new DataSet<DataItem>(items), { height: '600px', showCurrentTime: false });
}

void main();
