import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/cli-process.ts';
import { tempDir } from '../../test-support/temp-dir.ts';
import { REPO_ROOT } from '../repo-paths.ts';

function cli(args: string[]) {
  const { code, stdout, stderr } = runCli(...args);
  return { code, out: `${stdout}${stderr}` };
}

/** Everything the library holds, as text: what must not change when a command is refused. */
function contents(dataDir: string): string {
  const db = new Database(path.join(dataDir, 'broadsheet.db'), { readonly: true });
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'articles_fts%' ORDER BY name")
    .pluck()
    .all() as string[];
  const dump = tables.map((table) => JSON.stringify(db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all()));
  db.close();
  return dump.join('\n');
}

const huge = 'a'.repeat(100_000);
const file = (name: string) => path.join(REPO_ROOT, name);

/** Wrong types, missing arguments, files that are not what they should be, strings far too long. */
const BAD: string[][] = [
  ['subscribe'],
  ['subscribe', 'javascript:alert(1)'],
  ['subscribe', `http://${huge}.example/`],
  ['import-opml'],
  ['import-opml', '/no/such/file.opml'],
  ['import-opml', file('package.json')],
  ['import-opml', REPO_ROOT],
  ['articles', '--limit', 'abc'],
  ['articles', '--limit', '0'],
  ['articles', '--limit', '1e9'],
  ['articles', '--section', huge],
  ['search'],
  ['search', '   '],
  ['trending', '--window', 'abc'],
  ['trending', '--window', '9999d'],
  ['bookmarks', 'export', '--format', 'xml'],
  ['bookmarks', 'import'],
  ['bookmarks', 'import', file('package.json')],
  ['bookmarks', 'import', '/no/such/file.json'],
  ['bookmarks', 'frobnicate'],
  ['restore'],
  ['restore', '/no/such/backup.db'],
  ['restore', file('package.json')],
  ['parse'],
  ['parse', '/no/such/feed.xml'],
  ['frobnicate'],
  ['status', '--no-such-option'],
  ['export-opml', '/no/such/folder/subs.opml'],
  ['feed'],
  ['feed', '9999'],
  ['feed', '1', '--remote-pictures', 'maybe'],
  ['feed', '1', '--full-text', 'sometimes'],
  ['feed', huge, '--remote-pictures', 'off'],
];

describe('the command line refuses bad input in words, with a non-zero exit, and writes nothing', () => {
  it('every command, given what it cannot use', () => {
    const dataDir = tempDir();
    expect(cli(['load-sample', '--data-dir', dataDir]).code).toBe(0);
    const before = contents(dataDir);
    for (const args of BAD) {
      const { code, out } = cli([...args, '--data-dir', dataDir]);
      const shown = args.map((a) => a.slice(0, 30)).join(' ');
      expect(code, shown).not.toBe(0);
      expect(out, shown).toMatch(/^broadsheet( parse)?: \S/m);
      // Words, not a stack trace or a raw system error code.
      expect(out, shown).not.toMatch(/\n\s+at .+:\d+:\d+|ENOENT|EISDIR|TypeError|SqliteError/);
      expect(contents(dataDir), shown).toBe(before);
    }
  }, 120_000);
});
