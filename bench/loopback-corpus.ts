import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export interface ServedCorpus {
  port: number;
  feeds: number;
  items: number;
  bytes: number;
  urls: string[];
  stop(): void;
  process: ChildProcess;
}

/** Starts serve-corpus.ts in a child process and waits until it listens. */
export async function serveCorpus(feeds: number): Promise<ServedCorpus> {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'serve-corpus.ts'), String(feeds)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.on('exit', (code) => reject(new Error(`corpus server exited with ${code}`)));
  });
  const [, port, , count, , items, , bytes] = line.split(' ').map((x) => Number(x));
  const kinds = (i: number) => (i % 10 === 9 ? 'json' : 'xml');
  return {
    port: port as number,
    feeds: count as number,
    items: items as number,
    bytes: bytes as number,
    urls: Array.from({ length: count as number }, (_, i) => `http://127.0.0.1:${port}/feeds/${i}.${kinds(i)}`),
    stop: () => child.kill('SIGTERM'),
    process: child,
  };
}
