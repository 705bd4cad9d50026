/**
 * Conformance: every file of ../shared/conformance/corpus, parsed in-process and
 * compared field by field with the stored reference outputs, using the corpus's own
 * scorer (score.mjs's compareFeeds). Prints agreement per field and corpus; fails when
 * a file crashes or `real` falls below the goals (97% core, 90% on every field).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../repo-paths.ts';
import referenceErrors from './conformance-reference-errors.json' with { type: 'json' };
import { parseFeed } from './index.ts';

const CONFORMANCE = path.resolve(REPO_ROOT, '..', 'shared', 'conformance');
const available = fs.existsSync(path.join(CONFORMANCE, 'score.mjs'));
if (!available) console.log(`Conformance skipped: ${CONFORMANCE} is missing (it sits beside the repository on the project's machines).`);

type Fields = Record<string, { state: string; agree: number; total: number }>;
interface Scorer {
  compareFeeds(oracle: unknown, candidate: unknown): Fields;
  CORE: string[];
  FULL: string[];
  ALL_FIELDS: string[];
}

interface CorpusResult {
  files: number;
  crashes: { file: string; error: string }[];
  perFile: { file: string; fields: Fields }[];
}

function corpusFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && !/\.(tsv|md|txt)$/i.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

function runCorpus(scorer: Scorer, name: string): CorpusResult {
  const dir = path.join(CONFORMANCE, 'corpus', name);
  const oracleSrc = fs.readFileSync(path.join(CONFORMANCE, 'oracle.py'));
  const basesFile = path.join(dir, 'BASES.tsv');
  const bases = new Map(
    fs.existsSync(basesFile)
      ? fs
          .readFileSync(basesFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split('\t') as [string, string])
      : [],
  );
  const result: CorpusResult = { files: 0, crashes: [], perFile: [] };
  for (const file of corpusFiles(dir)) {
    const rel = path.relative(dir, file);
    const base = bases.get(rel) ?? '';
    const bytes = fs.readFileSync(file);
    const key = crypto.createHash('sha256').update(oracleSrc).update(`\0${base}\0`).update(bytes).digest('hex');
    const cached = path.join(dir, '.oracle-cache', `${key}.json`);
    if (!fs.existsSync(cached)) continue;
    const oracle = JSON.parse(fs.readFileSync(cached, 'utf8'));
    if (!usable(oracle)) continue;
    result.files++;
    try {
      const parsed = parseFeed(bytes, { baseUrl: base || undefined });
      // Through JSON, exactly as `cli parse` prints it.
      result.perFile.push({ file: `${name}/${rel}`, fields: scorer.compareFeeds(oracle, JSON.parse(JSON.stringify(parsed))) });
    } catch (error) {
      result.crashes.push({ file: `${name}/${rel}`, error: (error as Error).message });
    }
  }
  return result;
}

/** As score.mjs: a file counts when the reference found something of the schema. */
function usable(o: {
  error?: unknown;
  title?: unknown;
  link?: unknown;
  description?: unknown;
  language?: unknown;
  items?: unknown[];
}): boolean {
  const has = (v: unknown) => v !== null && v !== undefined && v !== '';
  return (
    !o.error && (has(o.title) || has(o.link) || has(o.description) || has(o.language) || (Array.isArray(o.items) && o.items.length > 0))
  );
}

function excused(file: string, field: string): boolean {
  return referenceErrors.errors.some((e) => e.file === file && e.fields.includes(field));
}

function score(scorer: Scorer, r: CorpusResult, adjusted: boolean) {
  const passes = (fields: Fields, set: string[], file: string) =>
    set.every((f) => fields[f]?.state !== 'disagree' || (adjusted && excused(file, f)));
  const pct = (n: number) => (r.files ? (100 * n) / r.files : 100);
  const perField: Record<string, number> = {};
  for (const f of scorer.ALL_FIELDS) {
    const scored = r.perFile.filter((p) => p.fields[f]?.state !== 'vacuous');
    const agree = scored.filter((p) => p.fields[f]?.state === 'agree' || (adjusted && excused(p.file, f))).length;
    perField[f] = scored.length + r.crashes.length ? (100 * agree) / (scored.length + r.crashes.length) : 100;
  }
  return {
    core: pct(r.perFile.filter((p) => passes(p.fields, scorer.CORE, p.file)).length),
    full: pct(r.perFile.filter((p) => passes(p.fields, scorer.FULL, p.file)).length),
    perField,
  };
}

describe.skipIf(!available)('feed parser conformance', async () => {
  const scorer = (available ? await import(path.join(CONFORMANCE, 'score.mjs')) : null) as Scorer;
  const results = new Map<string, CorpusResult>();
  const corpus = (name: string) => {
    let r = results.get(name);
    if (!r) {
      r = runCorpus(scorer, name);
      results.set(name, r);
      const raw = score(scorer, r, false);
      const adj = score(scorer, r, true);
      const rows = scorer.ALL_FIELDS.map(
        (f) => `  ${f.padEnd(18)} ${(raw.perField[f] ?? 0).toFixed(1).padStart(6)}  ${(adj.perField[f] ?? 0).toFixed(1).padStart(6)}`,
      );
      console.log(
        `conformance ${name}: ${r.files} files, ${r.crashes.length} crashes\n` +
          `  core ${raw.core.toFixed(1)}% (adjusted ${adj.core.toFixed(1)}%), full ${raw.full.toFixed(1)}% (adjusted ${adj.full.toFixed(1)}%)\n` +
          `  field                 raw  adjusted\n${rows.join('\n')}`,
      );
    }
    return r;
  };

  it.each(['real', 'fp-illformed', 'fp-encoding', 'fp-wellformed'])('reads every feed of %s without a crash', (name) => {
    expect(corpus(name).crashes).toEqual([]);
  });

  it('agrees with the reference on ≥97% of real-world files (core) and ≥90% on every field', () => {
    const adjusted = score(scorer, corpus('real'), true);
    expect(adjusted.core).toBeGreaterThanOrEqual(97);
    expect(adjusted.full).toBeGreaterThanOrEqual(90);
    for (const [field, pct] of Object.entries(adjusted.perField)) expect([field, pct >= 90]).toEqual([field, true]);
  });
});
