import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PictureJob, PictureKeeper, PictureResult } from '../offline/keep-picture.ts';
import type { PageJob, PageReader, PageReadResult } from '../offline/read-page.ts';
import { type PackedRead, unpackRead } from './packed-text.ts';
import type { FeedJob, FeedReader, FeedReadResult } from './read-feed.ts';

/** What a reader thread is asked: a feed to read, an article page to extract, or a picture to keep. */
export type ReaderRequest = { id: number; job: FeedJob } | { id: number; page: PageJob } | { id: number; picture: PictureJob };
type Job = { job: FeedJob } | { page: PageJob } | { picture: PictureJob };
export type ReaderReply = { id: number; result?: FeedReadResult; packed?: PackedRead; page?: PageReadResult; picture?: PictureResult };

/** What a job still out when the pool closes answers. */
export const STOPPED = 'stopped: the app is closing';

interface Pending {
  resolve: (reply: ReaderReply) => void;
  fail: (message: string) => void;
}

/**
 * What a thread's heap may grow to. A reader allocates its feeds' whole text several
 * times over (bytes, strings, parsed items, prepared articles); with V8's default young
 * generation each reader's heap grew to ~180 MB of mostly garbage. 16 MB costs a few
 * more scavenges and keeps the whole process ~200 MB smaller on the reference corpus
 * (two readers: peak RSS 655–680 MB → 415–470 MB, the same times within noise).
 */
/**
 * What one reader holds at once, in units: two feeds or pages (one being parsed, one
 * being fetched meanwhile; more only add bodies waiting in the reader's heap — a sync
 * has eight feeds in flight), or six pictures. A picture costs the thread little but
 * waiting on the network, and its file is written on arrival: at two per reader the
 * reference corpus's 3,479 pictures took ~0.6 s longer, with both readers half idle.
 */
const CAPACITY = 6;
const WEIGHT = { job: 3, page: 3, picture: 1 } as const;
const weightOf = (request: Job) => ('job' in request ? WEIGHT.job : 'page' in request ? WEIGHT.page : WEIGHT.picture);

export const THREAD_LIMITS = { maxYoungGenerationSizeMb: 16 };

/** A page or picture without an answer: "stopped" when the app closes (then nothing is recorded), else a failure. */
const stoppedOrFailed = (message: string) => ({
  kind: 'failed' as const,
  message,
  offline: message === STOPPED,
  networkDown: message === STOPPED,
});

/** The units a reader holds (see CAPACITY): its jobs' weights, a handful at most. */
const held = (slot: Slot) => {
  let units = 0;
  for (const weight of slot.jobs.values()) units += weight;
  return units;
};

/** A reader thread and the jobs it holds. */
interface Slot {
  worker: Worker;
  jobs: Map<number, number>;
}

/**
 * Reader threads: each fetches and reads whole feeds or article pages, or keeps pictures; the least busy
 * one gets the next job. One per core (up to 4): since the sync thread queues the text
 * to index and indexes it after the feeds (library/search-index.ts), it no longer keeps
 * a core busy through the feed phase, and on 2 cores two readers list the reference
 * corpus in 5.2–6.3 s against 7.6–9.3 s with one.
 */
export class ReaderPool {
  private readonly slots: Slot[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  /** Jobs waiting for a reader with room (see MAX_PER_READER). */
  private readonly waiting: { request: Job; pending: Pending }[] = [];
  private readonly workerUrl: URL;

  constructor(workerUrl: URL, size = Math.max(1, Math.min(4, os.availableParallelism()))) {
    this.workerUrl = workerUrl;
    this.slots = Array.from({ length: size }, () => {
      const slot: Slot = { worker: this.spawn(), jobs: new Map() };
      this.wire(slot);
      return slot;
    });
  }

  private spawn(): Worker {
    return new Worker(this.workerUrl, { resourceLimits: THREAD_LIMITS });
  }

  /**
   * A slot's thread answers its jobs. A thread that dies — a hostile input that throws
   * where nothing catches it, say — fails only its own jobs, in words, and is replaced,
   * so the jobs after it still find a reader instead of waiting forever.
   */
  private wire(slot: Slot): void {
    const worker = slot.worker;
    worker.on('message', (reply: ReaderReply) => {
      slot.jobs.delete(reply.id);
      this.pending.get(reply.id)?.resolve(reply);
      this.pending.delete(reply.id);
      this.next();
    });
    let failure = 'it stopped';
    worker.on('error', (error) => {
      failure = error.message;
    });
    worker.once('exit', () => {
      if (this.closed) return;
      for (const id of slot.jobs.keys()) {
        this.pending.get(id)?.fail(`the reader thread failed: ${failure}`);
        this.pending.delete(id);
      }
      slot.jobs.clear();
      slot.worker = this.spawn();
      this.wire(slot);
      this.next();
    });
  }

  /** Waiting jobs go out in order, as long as the first one finds room. */
  private next(): void {
    while (this.waiting.length > 0) {
      const first = this.waiting[0] as { request: Job; pending: Pending };
      if (!this.place(first.request, first.pending)) return;
      this.waiting.shift();
    }
  }

  readonly read: FeedReader = (job: FeedJob) =>
    this.ask<FeedReadResult>(
      { job },
      (reply) => (reply.packed ? unpackRead(reply.packed) : (reply.result as FeedReadResult)),
      (message) => ({ kind: 'failed', message, retryAfterSeconds: null, gone: false, offline: false }),
    );

  // A page left unread because the app closed is not the page's fault: nothing is recorded.
  readonly readPage: PageReader = (page: PageJob) =>
    this.ask<PageReadResult>({ page }, (reply) => reply.page as PageReadResult, stoppedOrFailed);

  /**
   * The picture's download and file on a reader thread: its bytes never reach the sync
   * thread, which stays free to write (an index batch, the rows of the pictures kept).
   * The app closing answers "stopped", like a page: nothing is recorded.
   */
  readonly keepPicture: PictureKeeper = (picture: PictureJob) =>
    this.ask<PictureResult>({ picture }, (reply) => reply.picture as PictureResult, stoppedOrFailed);

  /** A job's answer from its reply, or from the words of why it got none. */
  private ask<T>(request: Job, answer: (reply: ReaderReply) => T, failed: (message: string) => T): Promise<T> {
    return new Promise<T>((resolve) =>
      this.post(request, { resolve: (reply) => resolve(answer(reply)), fail: (message) => resolve(failed(message)) }),
    );
  }

  private post(request: Job, pending: Pending): void {
    if (this.closed) {
      pending.fail(STOPPED);
      return;
    }
    if (this.waiting.length > 0 || !this.place(request, pending)) this.waiting.push({ request, pending });
  }

  /** Gives the job to the least busy reader if it has room for it; false if none has. */
  private place(request: Job, pending: Pending): boolean {
    const slot = this.slots.reduce((a, b) => (held(b) < held(a) ? b : a));
    const weight = weightOf(request);
    if (held(slot) + weight > CAPACITY) return false;
    const id = this.nextId++;
    slot.jobs.set(id, weight);
    this.pending.set(id, pending);
    slot.worker.postMessage({ id, ...request } satisfies ReaderRequest);
    return true;
  }

  /**
   * Stops the reader threads (they hold no database, so terminating them is safe) and
   * answers every job still out with a failure, so nothing waits for them forever.
   */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map(({ worker }) => worker.terminate()));
    for (const [id, pending] of this.pending) {
      pending.fail(STOPPED);
      this.pending.delete(id);
    }
    for (const { pending } of this.waiting.splice(0)) pending.fail(STOPPED);
  }
}
