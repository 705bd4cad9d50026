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
import { evaluateThroughCli, trendingEvalAvailable } from '../src/test-support/trending-eval.ts';
import { line, verdict } from './report.ts';

export async function trendingRealBench(): Promise<void> {
  console.log('\n== Trending on real news (../shared/trending-eval, last 72 h, jitter 12 h) ==');
  if (!trendingEvalAvailable()) return line('real set', 'skipped', '../shared/trending-eval is not beside the checkout');
  for (const perHost of [true, false]) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-trending-real-'));
    try {
      const { score, topSources: sources } = await evaluateThroughCli(dir, perHost);
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
