import { expect, test } from '@playwright/test';

test('opens the seed timeline and shows what a reader sees', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto('./');
  await expect(page).toHaveTitle(/Dateline/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dateline');
  const articles = page.getByRole('list', { name: 'Articles' });
  await expect(articles).toContainText('Defense chiefs of Korea, U.S. to hold annual security talks');
  await expect(articles).toContainText('Defense chiefs of South Korea, U.S. set to discuss alliance issues');
  expect(problems).toEqual([]);
});
