import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lastTimelineProps, renderAt, serveData } from './harness';
import { seedLikeTimeline } from '../fixtures/timeline/seedLike';

vi.mock('../../src/app/timeline/TimelineView', async () => ({ TimelineView: (await import('./harness')).MockTimelineView }));

describe('URL state', () => {
  afterEach(() => vi.restoreAllMocks());

  it('restores selection, source, filters, search, window and lanes from a link', async () => {
    serveData();
    renderAt('?event=scm-57&source=1&actors=pete-hegseth&q=security&from=2025-10-20&to=2025-11-10&lanes=actor');
    expect(await screen.findByRole('checkbox', { name: 'Pete Hegseth' })).toBeChecked();
    expect(screen.getByRole('searchbox', { name: 'Search events' })).toHaveValue('security');
    expect(screen.getByRole('region', { name: 'Event details' })).toHaveTextContent('57th Security Consultative Meeting');
    const source = await screen.findByRole('region', { name: 'Source' });
    expect(
      await within(source).findByText(/were set to hold their annual security talks/, { selector: 'mark' }),
    ).toBeInTheDocument();
    await screen.findByTestId('timeline-mock');
    const props = lastTimelineProps();
    expect(props.window).toEqual({ start: '2025-10-20', end: '2025-11-10' });
    expect(props.groups?.map((group) => group.content)).toEqual(['Ahn Gyu-back', 'Pete Hegseth', 'South Korea', 'United States']);
    expect(screen.getByRole('combobox', { name: 'Lanes' })).toHaveValue('actor');
  });

  it('drops unknown ids from a link instead of failing, and cleans the URL', async () => {
    serveData();
    renderAt('?event=no-such-event&source=3&actors=ghost,pete-hegseth&lanes=sideways');
    expect(await screen.findByRole('checkbox', { name: 'Pete Hegseth' })).toBeChecked();
    expect(screen.getByRole('region', { name: 'Event details' })).toHaveTextContent('Select an event');
    await waitFor(() => expect(window.location.search).toBe('?actors=pete-hegseth'));
  });

  it('keeps the window the timeline reports, replacing rather than adding history entries', async () => {
    serveData();
    renderAt();
    await screen.findByTestId('timeline-mock');
    const before = window.history.length;
    act(() => lastTimelineProps().onWindowChange({ start: '2025-10-25', end: '2025-11-06' }));
    expect(window.location.search).toBe('?from=2025-10-25&to=2025-11-06');
    expect(window.history.length).toBe(before);
    expect(lastTimelineProps().window).toEqual({ start: '2025-10-25', end: '2025-11-06' });
  });

  it('moves the window from the zoom, pan and fit buttons before vis-timeline is built', async () => {
    // The stand-in takes no handle, as vis-timeline has none to give while its chunk is coming.
    serveData();
    renderAt('?from=2025-10-20&to=2025-11-10');
    await screen.findByTestId('timeline-mock');
    const user = userEvent.setup();
    const controls = screen.getByRole('toolbar', { name: 'Timeline controls' });
    await user.click(within(controls).getByRole('button', { name: 'Zoom out' }));
    expect(window.location.search).toBe('?from=2025-10-15&to=2025-11-16');
    await user.click(within(controls).getByRole('button', { name: 'Earlier' }));
    expect(lastTimelineProps().window).toEqual({ start: '2025-10-04', end: '2025-11-05' });
    await user.click(within(controls).getByRole('button', { name: 'Zoom in' }));
    expect(lastTimelineProps().window).toEqual({ start: '2025-10-12', end: '2025-10-28' });
    await user.click(within(controls).getByRole('button', { name: 'Fit all' }));
    const fitted = lastTimelineProps().window;
    const days = seedLikeTimeline.events.flatMap((event) => [event.when.start, event.when.end]).filter((day) => day !== null);
    expect(fitted && days.every((day) => fitted.start < day && day < fitted.end)).toBe(true);
  });

  it('changes lanes from the control', async () => {
    serveData();
    renderAt();
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Lanes' }), 'article');
    await screen.findByTestId('timeline-mock');
    expect(lastTimelineProps().groups?.map((group) => group.id)).toEqual([
      '2025-10-27-yonhap-security-talks',
      '2025-11-04-yonhap-alliance-issues',
    ]);
    expect(window.location.search).toBe('?lanes=article');
  });
});
