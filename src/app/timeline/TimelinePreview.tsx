/**
 * What the timeline region shows while vis-timeline's chunk is on its way: the events of
 * the opening window as count bars per day, week, month or year (the bands vis-timeline
 * itself draws when zoomed out, at the same places), in plain SVG from the main bundle.
 * A picture, not a control: the interactive timeline replaces it as soon as it is ready.
 */
import { daysBetween, type DateRange } from '../../model/calendarDate';
import { formatDay } from '../format/formatWhen';
import { bandCount, itemsInWindow, type SortedItems } from './itemsInWindow';

/** Width of the drawing in SVG units; it is stretched to the frame (no text inside, so nothing is distorted). */
const WIDTH = 1000;
const HEIGHT = 100;

const BUCKET_WORDS = { day: 'day', week: 'week', month: 'month', year: 'year' } as const;

export type TimelinePreviewProps = { sorted: SortedItems; window: DateRange | null };

/** Count bars for the events in `window`, or just the loading line when there is nothing to draw. */
export function TimelinePreview({ sorted, window }: TimelinePreviewProps) {
  // A cap of 0 always gives count bands: a preview draws how many, not which.
  const content = window ? itemsInWindow(sorted, window, 0, 0) : null;
  if (!window || content?.kind !== 'bands' || content.items.length === 0)
    return <p className="timeline-loading">Loading the timeline…</p>;
  const span = Math.max(1, daysBetween(window.start, window.end));
  const at = (day: string) => (daysBetween(window.start, day) / span) * WIDTH;
  const most = Math.max(...content.items.map(bandCount));
  const total = content.items.reduce((sum, band) => sum + bandCount(band), 0);
  const label = `Loading the timeline. Meanwhile, ${total} ${total === 1 ? 'event' : 'events'} in view, counted by ${BUCKET_WORDS[content.bucket]}`;
  return (
    <div className="timeline-preview">
      <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none">
        {content.items.map((band) => {
          const x = Math.max(0, at(band.start));
          const end = Math.min(WIDTH, at(band.end ?? band.start));
          // Square roots keep a quiet week visible beside the busiest one.
          const height = Math.max(2, Math.sqrt(bandCount(band) / most) * (HEIGHT - 4));
          return (
            <rect
              key={band.id}
              className="preview-bar"
              x={x}
              width={Math.max(1, end - x - 0.5)}
              y={HEIGHT - height}
              height={height}
            />
          );
        })}
      </svg>
      <p className="timeline-preview-axis" aria-hidden="true">
        <span>{formatDay(window.start)}</span>
        <span>Loading the timeline…</span>
        <span>{formatDay(window.end)}</span>
      </p>
    </div>
  );
}
