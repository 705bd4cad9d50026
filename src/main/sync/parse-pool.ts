import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { FeedParseError } from '../feeds/parse/index.ts';
import type { FeedBody, FeedParser, ReadyFeed } from './feed-parser.ts';

type Reply = { id: number; ok: true; feed: ReadyFeed } | { id: number; ok: false; parseError: boolean; message: string };

/**
 * A small pool of parse threads (one fewer than the cores, at least one). Feed bytes
 * are transferred, not copied; the least busy thread gets the next feed.
 */
export class ParsePool {
  private readonly workers: { worker: Worker; busy: number }[];
  private readonly pending = new Map<number, { resolve: (feed: ReadyFeed) => void; reject: (error: Error) => void }>();
  private nextId = 1;

  constructor(workerUrl: URL, size = Math.max(1, os.availableParallelism() - 1)) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(workerUrl);
      const slot = { worker, busy: 0 };
      worker.on('message', (reply: Reply) => {
        slot.busy--;
        const waiter = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if (!waiter) return;
        if (reply.ok) waiter.resolve(reply.feed);
        else waiter.reject(reply.parseError ? new FeedParseError(reply.message) : new Error(reply.message));
      });
      worker.on('error', (error) => {
        for (const [id, waiter] of this.pending) {
          this.pending.delete(id);
          waiter.reject(error);
        }
      });
      return slot;
    });
  }

  readonly parse: FeedParser = (body: FeedBody) => {
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    slot.busy++;
    return new Promise<ReadyFeed>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const bytes = Uint8Array.from(body.bytes);
      slot.worker.postMessage({ id, body: { ...body, bytes } }, [bytes.buffer]);
    });
  };

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}
