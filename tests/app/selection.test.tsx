import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenOf } from '../../src/model/schema';
import { makeEvent, makeTimeline } from '../fixtures/timeline/builders';
import { lastTimelineProps, renderAt, serveData } from './harness';

vi.mock('../../src/app/timeline/TimelineView', async () => ({ TimelineView: (await import('./harness')).MockTimelineView }));

const listButton = (name: RegExp) => within(screen.getByRole('list', { name: 'Events' })).getByRole('button', { name });

describe('selection', () => {
  afterEach(() => vi.restoreAllMocks());

  it('selecting in the list opens the details and selects the event on the timeline', async () => {
    serveData();
    renderAt();
    const user = userEvent.setup();
    await screen.findByTestId('timeline-mock');
    await user.click(await screen.findByRole('button', { name: /57th Security Consultative Meeting/ }));

    const details = screen.getByRole('region', { name: 'Event details' });
    expect(within(details).getByRole('heading', { level: 2 })).toHaveTextContent('57th Security Consultative Meeting');
    expect(details).toHaveTextContent('Tue 4 Nov 2025');
    expect(details).toHaveTextContent('Scheduled');
    expect(details).toHaveTextContent('Seoul');
    expect(details).toHaveTextContent('“on Tuesday” in an article published Tue 4 Nov 2025 → Tue 4 Nov 2025');
    expect(within(details).getAllByRole('blockquote')).toHaveLength(2);
    expect(details).toHaveTextContent('Korea JoongAng Daily · Mon 27 Oct 2025');
    expect(listButton(/57th Security/)).toHaveAttribute('aria-current', 'true');
    expect(lastTimelineProps().selectedEventId).toBe('scm-57');
    expect(window.location.search).toBe('?event=scm-57');
  });

  it('selecting on the timeline selects in the list', async () => {
    serveData();
    renderAt();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('item-gyeongju-summit'));
    expect(listButton(/Gyeongju/)).toHaveAttribute('aria-current', 'true');
    expect(screen.getByRole('region', { name: 'Event details' })).toHaveTextContent(
      '“on Wednesday” in an article published Tue 4 Nov 2025 → Wed 29 Oct 2025',
    );
  });

  it('shows a vague date as not exact, with its EDTF', async () => {
    serveData();
    renderAt('?event=hwasong-20-parade');
    const details = await screen.findByRole('region', { name: 'Event details' });
    expect(details).toHaveTextContent('October 2025 2025-10 — not an exact day (month)');
    expect(listButton(/Hwasong-20/)).toHaveTextContent('not an exact day: month');
  });

  it('lists conflicting readings of the date when sources disagree', async () => {
    const event = makeEvent({
      id: 'vote',
      title: 'Council vote',
      conflicts: [
        { when: whenOf('2025-11-05'), article: 'a1', dateText: 'on Wednesday', dateRule: 'read as the coming Wednesday' },
      ],
    });
    serveData({ timeline: makeTimeline({ events: [event] }) });
    renderAt('?event=vote');
    const details = await screen.findByRole('region', { name: 'Event details' });
    expect(within(details).getByRole('heading', { name: 'Conflicting dates' })).toBeInTheDocument();
    expect(details).toHaveTextContent('Wed 5 Nov 2025 according to Article a1 (“on Wednesday”) — read as the coming Wednesday');
  });

  it('moves with the keyboard: arrows between list events, Enter opens, Escape closes', async () => {
    serveData();
    renderAt();
    const user = userEvent.setup();
    const first = await screen.findByRole('button', { name: /Hwasong-20/ });
    first.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(listButton(/Gyeongju/)).toHaveFocus();
    await user.keyboard('{End}');
    expect(listButton(/operational control/)).toHaveFocus();
    await user.keyboard('{ArrowUp}{Enter}');
    const details = screen.getByRole('region', { name: 'Event details' });
    expect(details).toHaveTextContent('57th Security Consultative Meeting');
    await user.click(within(details).getAllByRole('button', { name: /Read in source/ })[0] as HTMLElement);
    await user.click(await screen.findByRole('button', { name: 'Close source' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: '57th Security Consultative Meeting' })).toHaveFocus());
    await user.keyboard('{Escape}');
    expect(screen.getByRole('region', { name: 'Event details' })).toHaveTextContent('Select an event');
    expect(window.location.search).toBe('');
    await waitFor(() => expect(listButton(/57th Security/)).toHaveFocus());
  });

  it('steps through events with the arrow keys on the timeline canvas', async () => {
    serveData();
    renderAt('?event=gyeongju-summit');
    const user = userEvent.setup();
    const canvas = await screen.findByRole('application');
    canvas.focus();
    await user.keyboard('{ArrowRight}');
    expect(lastTimelineProps().selectedEventId).toBe('submarine-approval');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(lastTimelineProps().selectedEventId).toBe('hegseth-asia-trip');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('heading', { name: "Hegseth's Asia trip" })).toHaveFocus();
  });

  it('steps back and forward through selections with the history', async () => {
    serveData();
    renderAt();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Gyeongju/ }));
    await user.click(listButton(/57th Security/));
    expect(window.location.search).toBe('?event=scm-57');
    await act(async () => {
      window.history.back();
      await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    });
    expect(listButton(/Gyeongju/)).toHaveAttribute('aria-current', 'true');
    expect(screen.getByRole('region', { name: 'Event details' })).toHaveTextContent('Lee and Trump hold summit in Gyeongju');
  });
});
