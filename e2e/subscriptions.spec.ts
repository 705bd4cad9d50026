import fs from 'node:fs';
import { expect, test } from './web-shell.ts';

test.beforeEach(async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Load sample library' }).click();
  await expect(page.getByRole('grid').getByRole('row').first()).toBeVisible();
});

test('rename and move a feed, rename a section, and unsubscribe keeping the bookmark', async ({ page }) => {
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.getByRole('button', { name: 'Options for Sample Tech' }).click();
  const feedDialog = page.getByRole('dialog', { name: 'Feed: Sample Tech' });
  await feedDialog.getByLabel('Name').fill('Gadget Desk');
  await feedDialog.getByLabel('Section').fill('Science');
  await feedDialog.getByRole('button', { name: 'Save' }).click();
  await expect(nav.getByRole('button', { name: /^Science/ })).toBeVisible();
  await expect(nav).toContainText('Gadget Desk');

  await nav.getByRole('button', { name: 'Options for section Science' }).click();
  const sectionDialog = page.getByRole('dialog', { name: 'Section: Science' });
  await sectionDialog.getByLabel('Name').fill('Science & Tech');
  await sectionDialog.getByRole('button', { name: 'Save' }).click();
  await expect(nav.getByRole('button', { name: /^Science & Tech/ })).toBeVisible();

  // Bookmark the seed story, then unsubscribe from its feed: the bookmark stays.
  await nav.getByRole('button', { name: /^Africa/ }).click();
  await page.getByRole('row', { name: /Rwanda severs diplomatic ties/ }).click();
  await page.getByRole('article').getByRole('button', { name: 'Bookmark' }).click();
  await nav.getByRole('button', { name: 'Options for Sample Africa' }).click();
  await page.getByRole('dialog', { name: 'Feed: Sample Africa' }).getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(nav).not.toContainText('Sample Africa');
  await nav.getByRole('button', { name: 'Bookmarks' }).click();
  await expect(page.getByRole('row', { name: /Rwanda severs diplomatic ties/ })).toBeVisible();
});

test('export OPML from the sections pane', async ({ page }) => {
  const download = page.waitForEvent('download');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Export OPML' }).click();
  const file = await (await download).path();
  const opml = fs.readFileSync(file, 'utf8');
  expect(opml).toContain('<opml version="2.0">');
  // The bundled sample feeds are not web feeds: another reader could not fetch them.
  expect(opml).not.toContain('bundled:');
});
