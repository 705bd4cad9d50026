import { spawn, spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_ENTRY } from '../../test-support/cli-process.ts';
import { httpFixture } from '../../test-support/http-fixture.ts';
import { pngImage } from '../../test-support/png.ts';
import { tempDir } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../db/connection.ts';
import { addFeed } from '../library/sections.ts';

/**
 * A machine whose name server never answers, for real: the CLI runs in its own mount
 * namespace where /etc/resolv.conf names 127.0.0.1, and a UDP socket there swallows
 * every query (glibc then waits ~20 s per lookup). Needs Linux, root and unshare.
 */
async function silentNameServer(): Promise<{ resolvConf: string; close: () => void } | string> {
  if (process.platform !== 'linux') return 'needs Linux mount namespaces';
  if (spawnSync('unshare', ['-m', 'true']).status !== 0) return 'unshare -m is not permitted here (needs root)';
  const socket = dgram.createSocket('udp4');
  socket.on('message', () => undefined);
  const bound = await new Promise<string | null>((resolve) => {
    socket.once('error', (error) => resolve(error.message));
    socket.bind(53, '127.0.0.1', () => resolve(null));
  });
  if (bound) return `cannot listen on 127.0.0.1:53 (${bound})`;
  const resolvConf = path.join(tempDir(), 'resolv.conf');
  fs.writeFileSync(resolvConf, 'nameserver 127.0.0.1\noptions timeout:10 attempts:2\n');
  return { resolvConf, close: () => socket.close() };
}

const nameServer = await silentNameServer();
if (typeof nameServer === 'string') console.log(`skipping the no-DNS capture test: ${nameServer}`);

describe.skipIf(typeof nameServer === 'string')('offline capture when no name server answers', () => {
  it('does not stall: pictures on 20 outside hosts cost one bounded wait, the loopback picture is kept, nothing is blamed', async () => {
    if (typeof nameServer === 'string') return;
    const local = pngImage(20, 20, 9);
    const server = await httpFixture({
      '/feed.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed),
      '/local.png': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(local),
    });
    const port = new URL(server.url('/')).port;
    const items = Array.from({ length: 20 }, (_, i) => {
      const pictures = `&lt;img src="http://pictures-${i}.example:${port}/p.png"&gt;${i === 0 ? '&lt;img src="/local.png"&gt;' : ''}`;
      return `<item><title>Far story ${i}</title><guid>far-${i}</guid><link>/story/${i}</link><pubDate>${new Date(Date.now() - i * 60_000).toUTCString()}</pubDate><description>&lt;p&gt;Story ${i}&lt;/p&gt;${pictures}</description></item>`;
    });
    const feed = `<rss version="2.0"><channel><title>Far</title><link>/</link>${items.join('')}</channel></rss>`;
    const dataDir = tempDir();
    const db = openDatabase(dataDir);
    const feedId = addFeed(db, { url: server.url('/feed.xml'), title: '', siteUrl: null, sectionId: null }).id;
    db.prepare("UPDATE feeds SET full_text = 'never' WHERE id = ?").run(feedId);
    db.close();

    const started = Date.now();
    const cli = spawn(
      'unshare',
      [
        '-m',
        'sh',
        '-c',
        `mount --bind "$1" /etc/resolv.conf && exec "$2" "$3" sync --json --data-dir "$4"`,
        'sh',
        nameServer.resolvConf,
        process.execPath,
        CLI_ENTRY,
        dataDir,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    cli.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    const code = await new Promise((resolve) => cli.on('exit', resolve));
    const seconds = (Date.now() - started) / 1000;
    nameServer.close();
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ newArticles: 20, failed: [] });
    // What answered (the loopback picture) is kept; the rest is left for a working network.
    expect(report.capture).toMatchObject({ articles: 20, images: 1, imageFailures: 0, failed: 0 });
    // Unbounded, the 20 lookups wait ~20 s each, six at a time: over a minute. Bounded:
    // one lookup's wait (4 s), then the rest are answered "no name server" at once.
    expect(seconds).toBeLessThan(30);

    const after = openDatabase(dataDir);
    // Our network, not the publishers: no picture is marked as failed, and the articles
    // that show them stay due, so the next pass with a working network keeps them.
    expect(after.prepare('SELECT count(*) FROM images WHERE error IS NOT NULL').pluck().get()).toBe(0);
    expect(after.prepare('SELECT count(*) FROM articles WHERE captured_at IS NULL').pluck().get()).toBe(20);
    after.close();
  }, 120_000);
});
