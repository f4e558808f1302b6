import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenOf } from '../../src/model/schema';
import { makeActor, makeEvent, makeTimeline } from '../fixtures/timeline/builders';
import { lastTimelineProps, renderAt, serveData } from './harness';

vi.mock('../../src/app/timeline/TimelineView', async () => ({ TimelineView: (await import('./harness')).MockTimelineView }));

const eventTitles = () =>
  within(screen.getByRole('list', { name: 'Events' }))
    .queryAllByRole('button')
    .map((button) => button.querySelector('.event-title')?.textContent);

const countOf = (name: string) => {
  const checkbox = screen.getByRole('checkbox', { name });
  return document.getElementById(checkbox.getAttribute('aria-describedby') ?? '')?.textContent;
};

describe('filtering', () => {
  afterEach(() => vi.restoreAllMocks());

  it('narrows the list, the timeline, the counts and the URL to the chosen actor at once', async () => {
    serveData();
    renderAt();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: 'Pete Hegseth' }));

    expect(eventTitles()).toEqual([
      "Hegseth's Asia trip",
      'Hegseth and Ahn visit the Joint Security Area',
      'Hegseth arrives in Seoul',
      '57th Security Consultative Meeting',
    ]);
    expect(new Set(lastTimelineProps().items.map((item) => item.eventId))).toEqual(
      new Set(['hegseth-asia-trip', 'jsa-visit', 'hegseth-arrival', 'scm-57']),
    );
    expect(countOf('Pete Hegseth')).toBe('4 events');
    expect(countOf('Ahn Gyu-back')).toBe('2 events');
    expect(countOf('Donald Trump')).toBe('0 events');
    expect(window.location.search).toBe('?actors=pete-hegseth');
    expect(screen.getByRole('status')).toHaveTextContent('4 of 8 events match');
  });

  it('switches between "any of" and "all of" the chosen actors', async () => {
    serveData();
    renderAt();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: 'Pete Hegseth' }));
    await user.click(screen.getByRole('checkbox', { name: 'Donald Trump' }));
    expect(eventTitles()).toHaveLength(6);
    await user.click(screen.getByRole('radio', { name: 'All of' }));
    expect(screen.queryAllByRole('button', { name: /Security Consultative/ })).toHaveLength(0);
    expect(screen.getByRole('status')).toHaveTextContent('No events match the filters (of 8)');
    expect(window.location.search).toBe('?actors=pete-hegseth%2Cdonald-trump&mode=all');

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(eventTitles()).toHaveLength(8);
    expect(screen.getByRole('checkbox', { name: 'Pete Hegseth' })).not.toBeChecked();
  });

  it('clears the chosen actors with one click', async () => {
    serveData();
    renderAt('?actors=pete-hegseth,ahn-gyu-back');
    const user = userEvent.setup();
    expect(await screen.findByRole('checkbox', { name: 'Ahn Gyu-back' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Clear actors' }));
    expect(screen.getByRole('checkbox', { name: 'Ahn Gyu-back' })).not.toBeChecked();
    expect(eventTitles()).toHaveLength(8);
    expect(window.location.search).toBe('');
  });

  it('searches titles, actor names and passages', async () => {
    serveData();
    renderAt();
    const user = userEvent.setup();
    const search = await screen.findByRole('searchbox', { name: 'Search events' });
    await user.type(search, 'philadelphia');
    expect(eventTitles()).toEqual([]);
    await user.clear(search);
    await user.type(search, 'social media');
    expect(eventTitles()).toEqual(['Trump approves a nuclear-powered submarine for South Korea']);
    await user.clear(search);
    await user.type(search, 'hanwha');
    expect(eventTitles()).toEqual(['Trump approves a nuclear-powered submarine for South Korea']);
    expect(window.location.search).toBe('?q=hanwha');
    expect(screen.getByRole('status')).toHaveTextContent('1 of 8 events match');
  });

  it('offers a find box when the actor list is long, keeping chosen actors in view', async () => {
    const actors = ['Ana Lima', 'Ben Cole', 'Cai Wen', 'Dee Roy', 'Eli Park', 'Fay Hart', 'Gus Moe', 'Hal Ives', 'Ida Lund'].map(
      (name) => makeActor(name),
    );
    const events = actors.map((actor, i) =>
      makeEvent({ id: `e${i}`, title: `Event ${i}`, actors: [actor.id], when: whenOf('2024-05-0' + ((i % 9) + 1)) }),
    );
    serveData({ timeline: makeTimeline({ actors, events }) });
    renderAt();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: 'Ben Cole' }));
    await user.type(screen.getByRole('searchbox', { name: 'Find an actor' }), 'ida');
    const group = screen.getByRole('group', { name: 'Actors' });
    expect(
      within(group)
        .getAllByRole('checkbox')
        .map((box) => box.closest('label')?.textContent),
    ).toEqual(['Ben Cole', 'Ida Lund']);
  });

  it('filters by an actor from the event details with one click', async () => {
    serveData();
    renderAt('?event=gyeongju-summit');
    const user = userEvent.setup();
    const details = await screen.findByRole('region', { name: 'Event details' });
    await user.click(within(details).getByRole('button', { name: /Donald Trump/ }));
    expect(screen.getByRole('checkbox', { name: 'Donald Trump' })).toBeChecked();
    expect(eventTitles()).toEqual([
      'Lee and Trump hold summit in Gyeongju',
      'Trump approves a nuclear-powered submarine for South Korea',
    ]);
  });
});
