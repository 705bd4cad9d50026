/**
 * Trending on real news (../shared/trending-eval: 3,037 real headlines of 20 publishers,
 * grouped into stories by a news aggregator, nobody on this project wrote or labelled
 * them), the way a person gets it: the feeds served on loopback, imported and synced
 * through the command line, every story of the last 72 h listed and scored with the
 * set's own score.mjs. Once with a host per publisher, once with every feed behind one
 * host (a feed proxy). The floors below guard what was reached; the goals and the
 * figures are in docs/trending.md and `npm run bench -- --only trending`.
 */
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir.ts';
import { evaluateThroughCli, trendingEvalAvailable } from '../../test-support/trending-eval.ts';

describe.skipIf(!trendingEvalAvailable())('trending on the real set', () => {
  for (const perHost of [true, false]) {
    it(`${perHost ? 'a host per publisher' : 'every feed behind one host'}: stories as the aggregator grouped them, the top five each covered by three publishers or more`, async () => {
      const { score, sync, topSources } = await evaluateThroughCli(tempDir(), perHost);
      console.log(`real set (${perHost ? 'host per publisher' : 'one host'}): ${score.line}`);
      expect(sync.newArticles).toBe(3037);
      expect(score.articles).toBeGreaterThan(1000);
      expect(score.bcubed.f1).toBeGreaterThanOrEqual(0.72);
      expect(score.pairwise.f1).toBeGreaterThanOrEqual(0.53);
      expect(score.topGood).toBe(5);
      // What the sidebar says: each of the five is covered by three publishers or more.
      expect(topSources.map((n) => n >= 3)).toEqual([true, true, true, true, true]);
    });
  }
});
