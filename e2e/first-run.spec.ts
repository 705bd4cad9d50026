import { expect, test } from './web-shell.ts';

test('a new user loads the sample library and reads the seed story offline', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Broadsheet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add a feed' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import OPML' })).toBeVisible();

  await page.getByRole('button', { name: 'Load sample library' }).click();

  const sections = page.getByRole('navigation', { name: 'Sections' });
  for (const name of ['Africa', 'Politics', 'Tech']) {
    await expect(sections.getByRole('button', { name: new RegExp(`^${name}`) })).toBeVisible();
  }
  await sections.getByRole('button', { name: /^Africa/ }).click();
  await page.getByRole('row', { name: /Rwanda severs diplomatic ties with Belgium/ }).click();

  const reader = page.getByRole('article');
  await expect(reader.getByRole('heading', { level: 2, name: 'Rwanda severs diplomatic ties with Belgium' })).toBeVisible();
  await expect(reader.getByText('Africa', { exact: true })).toBeVisible();
  await expect(reader).toContainText('Rwanda’s Ministry of Foreign Affairs and International Cooperation announced its decision');
  await expect(reader.getByRole('heading', { name: 'Looking Ahead: Implications for the Region and Beyond' })).toBeVisible();

  // The seed page's trending list: section · time · headline — here with how many sources cover it.
  const trending = page.getByRole('complementary', { name: 'Trending' });
  await expect(trending.getByRole('listitem').first()).toContainText(/Africa.*ago.*Rwanda severs diplomatic ties with Belgium.*2 sources/);
  // Its other source is listed under the story.
  await expect(reader.getByRole('region', { name: 'Also covered by' })).toContainText('Sample World: Belgium expels Rwandan envoys');
  await page.screenshot({ path: test.info().outputPath('reader.png'), fullPage: true });
});
