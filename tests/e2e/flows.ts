/**
 * Reader flows shared by the fixture-route specs and the seed-data specs. They find
 * everything by role, accessible name and robust text (an event whose title contains
 * "Security Consultative Meeting", the actor checkbox "Pete Hegseth"), never by ids,
 * so they hold for the hand-made fixture and for the compiler's real output alike.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export const SCM = /Security Consultative Meeting/;

/** The list button of the 57th SCM: its title names the meeting and its date is 4 Nov 2025. */
export const scmButton = (page: Page) =>
  page.getByRole('list', { name: 'Events' }).getByRole('button', { name: SCM }).filter({ hasText: 'Tue 4 Nov 2025' }).first();

/** The visible window as the URL holds it, or null before the reader moved it. */
export function urlWindow(page: Page): { from: string | null; to: string | null } {
  const params = new URL(page.url()).searchParams;
  return { from: params.get('from'), to: params.get('to') };
}

export const eventList = (page: Page) => page.getByRole('list', { name: 'Events' });
export const eventButtons = (page: Page) => eventList(page).getByRole('button');
export const details = (page: Page) => page.getByRole('region', { name: 'Event details' });
export const sourceRegion = (page: Page) => page.getByRole('region', { name: 'Source' });

/** Opens the viewer and waits until both the list and the drawn timeline are there. */
export async function openViewer(page: Page, search = ''): Promise<void> {
  await page.goto(`./${search}`);
  await expect(eventButtons(page).first()).toBeVisible();
  await expect(page.locator('.vis-timeline .vis-item').first()).toBeAttached();
}

/** The titles in the event list. */
export async function listTitles(page: Page): Promise<string[]> {
  return eventList(page).locator('.event-title').allTextContents();
}

/** Zooming and panning by buttons, mouse wheel and drag each change the window. */
export async function browseFlow(page: Page): Promise<void> {
  await openViewer(page);
  expect(urlWindow(page)).toEqual({ from: null, to: null });
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => urlWindow(page).from).not.toBeNull();
  const zoomed = urlWindow(page);

  await timeline.getByRole('button', { name: 'Earlier' }).click();
  await expect.poll(() => urlWindow(page).from).not.toBe(zoomed.from);
  const panned = urlWindow(page);

  const canvas = page.locator('.vis-panel.vis-center');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('browseFlow: expected the timeline canvas to be drawn, got no box');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 200, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => urlWindow(page).from).not.toBe(panned.from);
  const dragged = urlWindow(page);

  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 400);
  await expect.poll(() => JSON.stringify(urlWindow(page))).not.toBe(JSON.stringify(dragged));

  const beforeFit = urlWindow(page);
  await timeline.getByRole('button', { name: 'Fit all' }).click();
  await expect.poll(() => JSON.stringify(urlWindow(page))).not.toBe(JSON.stringify(beforeFit));
}

function countOf(page: Page, checkbox: Locator): Promise<string> {
  return checkbox.evaluate((box) => document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
}

/** Choosing "Pete Hegseth" leaves only his events, updates counts and the URL. */
export async function filterFlow(page: Page): Promise<void> {
  await openViewer(page);
  const total = await eventButtons(page).count();
  const hegseth = page.getByRole('group', { name: 'Actors' }).getByRole('checkbox', { name: 'Pete Hegseth', exact: true });
  const countBefore = await countOf(page, hegseth);
  await hegseth.check();

  const shown = await eventButtons(page).count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(total);
  expect(countBefore).toBe(`${shown} ${shown === 1 ? 'event' : 'events'}`);
  for (const text of await eventButtons(page).allTextContents()) expect(text).toContain('Pete Hegseth');
  await expect(page.getByRole('status')).toHaveText(`${shown} of ${total} events match`);
  expect(new URL(page.url()).searchParams.get('actors')).toBeTruthy();

  // Counts are over the events shown: an actor never with Hegseth drops to zero.
  const counts = await Promise.all(
    (await page.getByRole('group', { name: 'Actors' }).getByRole('checkbox').all()).map((box) => countOf(page, box)),
  );
  expect(counts).toContain('0 events');

  // The timeline draws only what the list shows.
  const titles = await listTitles(page);
  await expect
    .poll(async () => {
      const drawn = await page.locator('.vis-timeline .vis-item .vis-item-content').allTextContents();
      return drawn.length > 0 && drawn.every((text) => titles.some((title) => text.startsWith(title)));
    })
    .toBe(true);
}

/** Opens the SCM, then each source passage: each `<mark>` is visible and equals its quote. */
export async function sourcesFlow(page: Page): Promise<void> {
  await openViewer(page);
  await scmButton(page).click();
  await expect(details(page).getByRole('heading', { level: 2 })).toContainText('Security Consultative Meeting');
  await expect(details(page)).toContainText('4 Nov 2025');
  const quotes = await details(page).locator('blockquote').allTextContents();
  expect(quotes.length).toBeGreaterThanOrEqual(2);
  const articleTitles = new Set<string>();
  for (const [index, quote] of quotes.entries()) {
    await details(page)
      .getByRole('button', { name: /Read in source/ })
      .nth(index)
      .click();
    const mark = sourceRegion(page).locator('mark.is-active');
    await expect(mark.first()).toBeVisible();
    await expect(mark.first()).toBeInViewport();
    expect((await mark.allTextContents()).join('')).toBe(quote);
    articleTitles.add(await sourceRegion(page).locator('.source-title').innerText());
  }
  expect(articleTitles.size).toBe(2);
}

/** A link with selection, source, filter and window restores the same view on reload. */
export async function deepLinkFlow(page: Page): Promise<void> {
  await openViewer(page);
  await page.getByRole('checkbox', { name: 'Pete Hegseth', exact: true }).check();
  await scmButton(page).click();
  await details(page)
    .getByRole('button', { name: /Read in source/ })
    .nth(1)
    .click();
  await page.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => urlWindow(page).from).not.toBeNull();
  const url = page.url();
  const quote = await sourceRegion(page).locator('mark.is-active').allTextContents();

  await page.goto(url);
  await expect(page.getByRole('checkbox', { name: 'Pete Hegseth', exact: true })).toBeChecked();
  await expect(details(page).getByRole('heading', { level: 2 })).toContainText('Security Consultative Meeting');
  await expect(sourceRegion(page).locator('mark.is-active').first()).toBeVisible();
  expect(await sourceRegion(page).locator('mark.is-active').allTextContents()).toEqual(quote);
  await expect(page.locator('.vis-timeline .vis-item.vis-selected').first()).toBeAttached();
  expect(page.url()).toBe(url);
}

/** Back and forward step through selections. */
export async function historyFlow(page: Page): Promise<void> {
  await openViewer(page);
  const first = eventButtons(page).nth(0);
  const second = eventButtons(page).nth(1);
  const firstTitle = (await first.locator('.event-title').textContent()) ?? '';
  const secondTitle = (await second.locator('.event-title').textContent()) ?? '';
  await first.click();
  await second.click();
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(secondTitle);
  await page.goBack();
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(firstTitle);
  await expect(first).toHaveAttribute('aria-current', 'true');
  await page.goBack();
  await expect(details(page)).toContainText('Select an event');
  await page.goForward();
  await page.goForward();
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(secondTitle);
  await expect(second).toHaveAttribute('aria-current', 'true');
}

/** Presses Tab until `target` has focus, failing after `limit` presses. */
export async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`tabTo: expected to reach ${target.toString()} within ${limit} Tab presses, got no focus there`);
}

/** Whether the focused element shows a focus outline. */
export async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return false;
    const style = getComputedStyle(element);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  });
}

/** The filter → SCM → both sources flow with the keyboard alone. */
export async function keyboardFlow(page: Page): Promise<void> {
  await openViewer(page);
  const hegseth = page.getByRole('checkbox', { name: 'Pete Hegseth', exact: true });
  await tabTo(page, hegseth);
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.press('Space');
  await expect(hegseth).toBeChecked();

  await tabTo(page, eventButtons(page).first());
  expect(await focusIsVisible(page)).toBe(true);
  const scm = scmButton(page);
  for (let i = 0; i < 50 && !(await scm.evaluate((element) => element === document.activeElement)); i++)
    await page.keyboard.press('ArrowDown');
  await expect(scm).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(details(page).getByRole('heading', { level: 2 })).toContainText('Security Consultative Meeting');

  const quotes = await details(page).locator('blockquote').allTextContents();
  for (const [index, quote] of quotes.entries()) {
    await tabTo(
      page,
      details(page)
        .getByRole('button', { name: /Read in source/ })
        .nth(index),
    );
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await expect(sourceRegion(page).locator('mark.is-active').first()).toBeInViewport();
    expect((await sourceRegion(page).locator('mark.is-active').allTextContents()).join('')).toBe(quote);
  }
  await page.keyboard.press('Escape');
  await expect(sourceRegion(page)).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(details(page)).toContainText('Select an event');
  await expect(scm).toBeFocused();

  // The timeline canvas: arrows select, Enter goes to the details.
  await tabTo(page, page.getByRole('application'));
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.press('ArrowRight');
  await expect(eventButtons(page).first()).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Enter');
  await expect(details(page).getByRole('heading', { level: 2 })).toBeFocused();
}
