/**
 * Trending on real news: ../shared/trending-eval (3,037 real headlines of 20 publishers,
 * June 2014, grouped into stories by a news aggregator), the way a person gets it — the
 * feeds served on loopback, `import-opml` and `sync` through the CLI, then every story
 * of the last 72 h (`trending --all`) and the top five scored by the set's own
 * score.mjs. Once with a host per publisher, once with every feed behind one host.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCliAsync } from '../src/test-support/cli-process.ts';
import { scoreEval, serveEvalSet, trendingEvalAvailable } from '../src/test-support/trending-eval.ts';
import { line, verdict } from './report.ts';

export async function trendingRealBench(): Promise<void> {
  console.log('\n== Trending on real news (../shared/trending-eval, last 72 h, jitter 12 h) ==');
  if (!trendingEvalAvailable()) return line('real set', 'skipped', '../shared/trending-eval is not beside the checkout');
  for (const perHost of [true, false]) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-trending-real-'));
    try {
      const set = await serveEvalSet(path.join(dir, 'set'), { perHost });
      const data = path.join(dir, 'data');
      try {
        await runCliAsync('import-opml', set.opml, '--data-dir', data);
        await runCliAsync('sync', '--data-dir', data);
      } finally {
        await set.stop();
      }
      const all = await runCliAsync('trending', '--all', '--window', '72h', '--json', '--data-dir', data);
      const top = await runCliAsync('trending', '--limit', '5', '--window', '72h', '--json', '--data-dir', data);
      fs.writeFileSync(path.join(dir, 'all.json'), all.stdout);
      fs.writeFileSync(path.join(dir, 'top.json'), top.stdout);
      const score = scoreEval(set.truth, path.join(dir, 'all.json'), path.join(dir, 'top.json'));
      const sources = (JSON.parse(top.stdout) as { sources: number }[]).map((s) => s.sources);
      const hosts = perHost ? 'a host per publisher' : 'one host for all';
      const { bcubed: b, pairwise: p } = score;
      line(
        `${hosts}: B-cubed`,
        `P ${b.precision.toFixed(3)} R ${b.recall.toFixed(3)} F1 ${b.f1.toFixed(3)}`,
        `goal F1 ≥ 0.75 with P ≥ 0.85: ${verdict(b.f1 >= 0.75 && b.precision >= 0.85)}`,
      );
      line(
        `${hosts}: pairwise`,
        `P ${p.precision.toFixed(3)} R ${p.recall.toFixed(3)} F1 ${p.f1.toFixed(3)}`,
        `goal F1 ≥ 0.55 with P ≥ 0.70: ${verdict(p.f1 >= 0.55 && p.precision >= 0.7)}`,
      );
      line(
        `${hosts}: top 5`,
        `${score.topGood} of ${score.topListed} one story with 3+ publishers`,
        `sources shown ${sources.join(', ')} — goal 5 of 5: ${verdict(score.topGood === 5 && sources.every((n) => n >= 3))}`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
