import { expect, test } from './web-shell.ts';

test.beforeEach(async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Load sample library' }).click();
  await expect(page.getByRole('grid').getByRole('row').first()).toBeVisible();
});

test('search: "/" focuses the box, results come as you type with the words marked', async ({ page }) => {
  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: 'Search articles' });
  await expect(box).toBeFocused();
  await box.pressSequentially('persona non gra');
  const results = page.getByRole('grid').getByRole('row');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText('Rwanda severs diplomatic ties with Belgium');
  await expect(page.getByRole('heading', { name: 'Search: persona non gra' })).toBeVisible();

  await box.fill('rollercoaster');
  await expect(results).toHaveCount(1);
  await expect(results.first().locator('mark').first()).toHaveText(/rollercoaster/i);

  // Within a section, only that section's stories; "Bookmarked only" narrows further.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: /^Tech/ }).click();
  await box.fill('watch');
  await expect(page.getByRole('heading', { name: 'Search in Tech: watch' })).toBeVisible();
  await expect(results).toHaveCount(2);
  await results.first().getByRole('button', { name: 'Bookmark' }).click();
  await page.getByRole('checkbox', { name: 'Bookmarked only' }).check();
  await expect(results).toHaveCount(1);
  await page.getByRole('checkbox', { name: 'Bookmarked only' }).uncheck();

  await box.fill('zzzqqq');
  await expect(page.getByText('No articles match')).toBeVisible();
  await box.press('Escape');
  await expect(results.first()).toBeVisible();
});

test('keyboard: n/p move between sections, m toggles read, ? lists the shortcuts', async ({ page }) => {
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await page.keyboard.press('n');
  await expect(nav.getByRole('button', { name: /^Unread/ })).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('p');
  await expect(nav.getByRole('button', { name: 'All articles' })).toHaveAttribute('aria-current', 'page');

  await page.keyboard.press('j');
  const selected = page.getByRole('grid').getByRole('row', { selected: true });
  await expect(selected).toHaveClass(/\bread\b/);
  await page.keyboard.press('m');
  await expect(selected).not.toHaveClass(/\bread\b/);

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Open the original in your browser');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('oldest first puts the oldest story on top; newest first the newest', async ({ page }) => {
  const rows = page.getByRole('grid').getByRole('row');
  await expect(rows.first()).toContainText('Belgium expels Rwandan envoys');
  await page.getByLabel('Order').selectOption('oldest');
  await expect(rows.first()).toContainText('Oregon mental health advisory board');
  await page.getByLabel('Order').selectOption('newest');
  await expect(rows.first()).toContainText('Belgium expels Rwandan envoys');
});

test('mark all as read, then undo; unread counts follow', async ({ page }) => {
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.getByRole('button', { name: /^Tech/ }).click();
  await expect(nav.getByRole('button', { name: /^Tech/ })).toContainText('3');
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Marked 3 in Tech as read' })).toBeVisible();
  await expect(nav.getByRole('button', { name: /^Tech/ })).not.toContainText('3');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(nav.getByRole('button', { name: /^Tech/ })).toContainText('3');
});

test('opening a story counts it read in its section; m counts it unread again', async ({ page }) => {
  const nav = page.getByRole('navigation', { name: 'Sections' });
  const tech = nav.getByRole('button', { name: /^Tech/ });
  await tech.click();
  await expect(tech).toContainText('3');
  await page.getByRole('grid').getByRole('row').first().click();
  await expect(tech).toContainText('2');
  await page.keyboard.press('m');
  await expect(tech).toContainText('3');
  // A fresh look at the library agrees with the counts kept on screen.
  await page.reload();
  await expect(nav.getByRole('button', { name: /^Tech/ })).toContainText('3');
});

test('settings: the reading size and width apply to the reader and are kept', async ({ page }) => {
  await page.getByRole('grid').getByRole('row').first().click();
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Reading font size').fill('24');
  await dialog.getByLabel('Reading width').fill('30');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('article')).toHaveCSS('font-size', '24px');
  // 30em of 24px: the body column is at most 720px wide.
  await expect(page.locator('.article-body')).toHaveCSS('max-width', '720px');
  await page.reload();
  await page.getByRole('grid').getByRole('row').first().click();
  await expect(page.getByRole('article')).toHaveCSS('font-size', '24px');
});
