import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { SHARED_DIR } from '../main/repo-paths.ts';
import { runCliAsync } from './cli-process.ts';
import { freePort } from './reference-corpus.ts';

/**
 * The real trending set (../shared/trending-eval: 3,037 real headlines of 20 publishers,
 * grouped into stories by a news aggregator), made into feeds, served on loopback and
 * scored with its own tools, as its README says. The bench and the tests both use it.
 */
export const TRENDING_EVAL = path.join(SHARED_DIR, 'trending-eval');

export function trendingEvalAvailable(): boolean {
  return ['make-feeds.mjs', 'score.mjs', 'news-dev.jsonl'].every((name) => fs.existsSync(path.join(TRENDING_EVAL, name)));
}

export interface ServedEvalSet {
  /** What make-feeds.mjs wrote: feeds/, opml.xml, truth.json. */
  dir: string;
  opml: string;
  truth: string;
  stop(): Promise<void>;
}

/**
 * Makes the feeds (shifted to now, times jittered up to 12 h, as the README requires) and
 * serves them. `perHost`: each publisher on its own loopback address (127.0.0.2 … .21), as
 * on the open web; otherwise all on 127.0.0.1, as behind a feed proxy.
 */
export async function serveEvalSet(dir: string, options: { perHost: boolean; now?: number }): Promise<ServedEvalSet> {
  const port = await freePort();
  const made = spawnSync(
    process.execPath,
    [
      path.join(TRENDING_EVAL, 'make-feeds.mjs'),
      dir,
      '--base',
      `http://127.0.0.1:${port}`,
      '--shift-to-now',
      '--jitter-hours',
      '12',
      ...(options.now === undefined ? [] : ['--now', String(options.now)]),
      ...(options.perHost ? ['--per-host'] : []),
    ],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`make-feeds.mjs failed: ${made.stderr}`);
  const feeds = path.join(dir, 'feeds');
  const handler: http.RequestListener = (req, res) => {
    const name = /^\/feeds\/([a-z0-9-]+\.xml)$/.exec(req.url ?? '')?.[1];
    const file = name ? path.join(feeds, name) : null;
    if (!file || !fs.existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(fs.readFileSync(file));
  };
  const hosts = options.perHost ? fs.readdirSync(feeds).map((_, i) => `127.0.0.${2 + i}`) : ['127.0.0.1'];
  const servers = await Promise.all(
    hosts.map(
      (host) =>
        new Promise<http.Server>((resolve, reject) => {
          const server = http.createServer(handler);
          server.once('error', reject);
          server.listen(port, host, () => resolve(server));
        }),
    ),
  );
  return {
    dir,
    opml: path.join(dir, 'opml.xml'),
    truth: path.join(dir, 'truth.json'),
    stop: () => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))).then(() => undefined),
  };
}

export interface EvalScore {
  articles: number;
  pairwise: { precision: number; recall: number; f1: number };
  bcubed: { precision: number; recall: number; f1: number };
  /** With a top list: how many of its stories are one true story with three or more publishers. */
  topGood: number | null;
  topListed: number | null;
  line: string;
}

/** Runs score.mjs on stories listed as `[{articles: [{url}]}]` (what `cli trending --json` prints). */
export function scoreEval(truth: string, stories: string, top?: string, hours = 72): EvalScore {
  const run = spawnSync(
    process.execPath,
    [path.join(TRENDING_EVAL, 'score.mjs'), truth, stories, '--hours', String(hours), ...(top ? ['--top', top] : [])],
    { encoding: 'utf8' },
  );
  const line = run.stdout.trim();
  const figure = (pattern: RegExp) => Number(pattern.exec(line)?.[1] ?? Number.NaN);
  const topMatch = /top (\d+): (\d+) are one story/.exec(line);
  return {
    articles: figure(/^(\d+) articles/),
    pairwise: {
      precision: figure(/pairwise P ([\d.]+)/),
      recall: figure(/pairwise P [\d.]+ R ([\d.]+)/),
      f1: figure(/pairwise .*?F1 ([\d.]+)/),
    },
    bcubed: {
      precision: figure(/B-cubed P ([\d.]+)/),
      recall: figure(/B-cubed P [\d.]+ R ([\d.]+)/),
      f1: figure(/B-cubed .*?F1 ([\d.]+)/),
    },
    topListed: topMatch ? Number(topMatch[1]) : null,
    topGood: topMatch ? Number(topMatch[2]) : null,
    line,
  };
}

export interface EvalRun {
  score: EvalScore;
  /** What `sync --json` reported. */
  sync: { newArticles: number };
  /** The sources the top five show, as the sidebar would. */
  topSources: number[];
}

/**
 * The whole evaluation the way a person gets it: the set served, `import-opml` and
 * `sync` through the CLI into `dir`, every story of the last 72 h (`trending --all`) and
 * the top five scored by score.mjs.
 */
export async function evaluateThroughCli(dir: string, perHost: boolean): Promise<EvalRun> {
  const set = await serveEvalSet(path.join(dir, 'set'), { perHost });
  const data = path.join(dir, 'data');
  let sync: EvalRun['sync'];
  try {
    const imported = await runCliAsync('import-opml', set.opml, '--data-dir', data);
    if (imported.code !== 0) throw new Error(`import-opml failed: ${imported.stderr}`);
    const synced = await runCliAsync('sync', '--json', '--data-dir', data);
    if (synced.code !== 0) throw new Error(`sync failed: ${synced.stderr}`);
    sync = JSON.parse(synced.stdout);
  } finally {
    await set.stop();
  }
  const all = await runCliAsync('trending', '--all', '--window', '72h', '--json', '--data-dir', data);
  const top = await runCliAsync('trending', '--limit', '5', '--window', '72h', '--json', '--data-dir', data);
  fs.writeFileSync(path.join(dir, 'all.json'), all.stdout);
  fs.writeFileSync(path.join(dir, 'top.json'), top.stdout);
  return {
    score: scoreEval(set.truth, path.join(dir, 'all.json'), path.join(dir, 'top.json')),
    sync,
    topSources: (JSON.parse(top.stdout) as { sources: number }[]).map((story) => story.sources),
  };
}
