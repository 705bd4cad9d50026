import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_ENTRY } from '../../test-support/cli-process.ts';
import { httpFixture } from '../../test-support/http-fixture.ts';
import { tempDir } from '../../test-support/temp-dir.ts';

/**
 * A data folder on a read-only disk, and one on a disk that fills up during a sync: real
 * disks (tmpfs) in a mount namespace of the test's own. Needs Linux, root and unshare.
 */
const CLI = CLI_ENTRY;
const canMount = process.platform === 'linux' && spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs tmpfs /mnt']).status === 0;
if (!canMount) console.log('skipping the read-only and full disk tests: they need Linux, root and unshare -m');

/** Runs shell lines in a private mount namespace; each `run NAME args…` records NAME's exit code and output. */
async function inNamespace(script: string): Promise<Record<string, { code: number; out: string }>> {
  const results = tempDir();
  const prelude = `run() { name=$1; shift; "${process.execPath}" "${CLI}" "$@" > "${results}/$name.out" 2>&1; echo $? > "${results}/$name.code"; }\n`;
  // Not spawnSync: the test's own loopback server must keep answering meanwhile.
  const shell = spawn('unshare', ['-m', 'sh', '-c', prelude + script], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  shell.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const status = await new Promise((resolve) => shell.on('exit', resolve));
  expect(status, stderr).toBe(0);
  const found: Record<string, { code: number; out: string }> = {};
  for (const file of fs.readdirSync(results).filter((f) => f.endsWith('.code'))) {
    const name = file.replace(/\.code$/, '');
    found[name] = {
      code: Number(fs.readFileSync(path.join(results, file), 'utf8')),
      out: fs.readFileSync(path.join(results, `${name}.out`), 'utf8'),
    };
  }
  return found;
}

describe.skipIf(!canMount)('a data folder that cannot be written', () => {
  it('on a read-only disk: a clear error naming the folder, for an existing library and a new one, and nothing changed', async () => {
    const library = tempDir();
    expect(spawnSync(process.execPath, [CLI, 'load-sample', '--data-dir', library]).status).toBe(0);
    const r = await inNamespace(`
      mount -t tmpfs -o size=64m tmpfs /mnt && cp -a "${library}" /mnt/lib && mount -o remount,ro /mnt || exit 1
      run status status --data-dir /mnt/lib
      run sync sync --data-dir /mnt/lib
      run fresh status --data-dir /mnt/new
      sha1sum /mnt/lib/broadsheet.db > "${library}/after.sha1"
    `);
    for (const name of ['status', 'sync']) {
      expect(r[name]?.code, name).toBe(1);
      expect(r[name]?.out, name).toBe(
        'broadsheet: Broadsheet cannot keep its library in /mnt/lib: it is on a read-only disk. Nothing was changed.\n',
      );
    }
    expect(r.fresh?.code).toBe(1);
    expect(r.fresh?.out).toMatch(/^broadsheet: Broadsheet cannot keep its library in \/mnt\/new: /);
    const before = spawnSync('sha1sum', [path.join(library, 'broadsheet.db')], { encoding: 'utf8' }).stdout.split(' ')[0];
    expect(fs.readFileSync(path.join(library, 'after.sha1'), 'utf8').split(' ')[0]).toBe(before);
  });

  it('on a disk that fills up during a sync: the sync stops in words, non-zero, and the library still opens with everything it had', async () => {
    const body = `<p>${'A paragraph of a long article about the harbour and the council. '.repeat(40)}</p>`;
    const items = Array.from(
      { length: 1500 },
      (_, i) =>
        `<item><title>Long story ${i}</title><guid>long-${i}</guid><pubDate>${new Date(Date.now() - i * 60_000).toUTCString()}</pubDate><description><![CDATA[${body}]]></description></item>`,
    );
    const server = await httpFixture({
      '/big.xml': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(`<rss version="2.0"><channel><title>Big</title>${items.join('')}</channel></rss>`),
    });
    const r = await inNamespace(`
      mount -t tmpfs -o size=3m tmpfs /mnt || exit 1
      run sample load-sample --data-dir /mnt/lib
      run before status --json --data-dir /mnt/lib
      run subscribe subscribe "${server.url('/big.xml')}" --data-dir /mnt/lib
      run sync sync --data-dir /mnt/lib
      run status status --json --data-dir /mnt/lib
    `);
    expect(r.sample?.code).toBe(0);
    const failed = r.subscribe?.code === 0 ? r.sync : r.subscribe;
    expect(failed?.code).toBe(1);
    expect(failed?.out).toMatch(/the disk is full/i);
    expect(failed?.out).not.toMatch(/SQLITE|disk image is malformed|\n\s+at /);
    expect(r.status?.code, r.status?.out).toBe(0);
    const before = JSON.parse(r.before?.out ?? '{}');
    const after = JSON.parse(r.status?.out ?? '{}');
    expect(after.articles).toBeGreaterThanOrEqual(before.articles);
    expect(after.sections).toBe(before.sections);
  });
});
