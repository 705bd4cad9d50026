import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from '../main/repo-paths.ts';

/**
 * The reference sync scenario (../shared/bench, beside the repository): its generator
 * and its server, as child processes. The kill test and `npm run bench -- --only sync`
 * both run on it, so their figures are of the same corpus.
 */
export const REFERENCE_BENCH = path.resolve(REPO_ROOT, '../shared/bench');

export function referenceBenchAvailable(): boolean {
  return fs.existsSync(path.join(REFERENCE_BENCH, 'gen-corpus.mjs')) && fs.existsSync(path.join(REFERENCE_BENCH, 'feed-server.mjs'));
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface GeneratedCorpus {
  dir: string;
  feeds: number;
  items: number;
  bytes: number;
}

/** Writes the deterministic corpus (seed 42) for a server on `port`; `extra` narrows it (smaller feeds, say). */
export function generateReferenceCorpus(dir: string, port: number, extra: string[] = []): GeneratedCorpus {
  const generated = spawnSync(
    process.execPath,
    [path.join(REFERENCE_BENCH, 'gen-corpus.mjs'), '--out', dir, '--base', `http://127.0.0.1:${port}`, ...extra],
    { encoding: 'utf8' },
  );
  if (generated.status !== 0) throw new Error(`gen-corpus.mjs failed: ${generated.stderr}`);
  const summary = JSON.parse(generated.stdout.trim().split('\n').at(-1) ?? '{}') as { feeds: number; items: number; bytes: number };
  return { dir, ...summary };
}

export interface ServerStats {
  requests: number;
  byStatus: Record<string, number>;
  feedBodies: number;
  notModified: number;
}

export interface ReferenceServer {
  url: string;
  /** The server's counters; `reset` starts them again from zero after reading. */
  stats(reset?: boolean): Promise<ServerStats>;
  stop(): void;
  process: ChildProcess;
}

/** Starts feed-server.mjs on the corpus and resolves once it answers (it reads the whole corpus first). */
export async function startReferenceServer(corpusDir: string, port: number, extra: string[] = []): Promise<ReferenceServer> {
  const child = spawn(
    process.execPath,
    [
      path.join(REFERENCE_BENCH, 'feed-server.mjs'),
      '--corpus',
      corpusDir,
      '--port',
      String(port),
      '--max-seconds',
      '1800',
      '--quiet',
      ...extra,
    ],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`feed-server.mjs exited (${code})`))));
  exited.catch(() => undefined);
  for (;;) {
    const up = await Promise.race([
      fetch(`${url}/_stats`).then(
        (r) => r.ok,
        () => false,
      ),
      exited,
    ]);
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    stats: async (reset = false) => (await (await fetch(`${url}/_stats${reset ? '?reset=1' : ''}`)).json()) as ServerStats,
    stop: () => void child.kill('SIGTERM'),
    process: child,
  };
}
