import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './web-shell.ts';

/** Serious and critical axe violations, with enough detail to act on. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

test('the main views have no serious or critical accessibility violations, in both themes', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Broadsheet' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Load sample library' }).click();
  await page.getByRole('grid').getByRole('row').first().click();
  await expect(page.getByRole('article')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('reader-light.png') });
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('searchbox', { name: 'Search articles' }).fill('belgium');
  await expect(page.getByRole('heading', { name: 'Search: belgium' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('search-dark.png') });
  expect(await seriousViolations(page)).toEqual([]);

  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Settings' }).click();
  expect(await seriousViolations(page)).toEqual([]);
});
