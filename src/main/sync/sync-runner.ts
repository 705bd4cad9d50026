import { Worker } from 'node:worker_threads';
import type { SyncProgress } from '../../shared/api.ts';
import type { CaptureSummary } from '../offline/capture.ts';
import { THREAD_LIMITS } from './reader-pool.ts';
import type { SyncSummary } from './sync-all.ts';
import type { SyncRequest, SyncWorkerMessage } from './sync-messages.ts';

/**
 * The sync and reader threads when none are given (running from the sources): bundled
 * from them on first use (see source-workers.ts). The packaged app passes its own
 * bundled copies. The module is named at run time so that the app's bundler leaves it
 * (and the bundler it loads) out.
 */
async function sourceWorkerUrls(): Promise<WorkerUrls> {
  const module: typeof import('./source-workers.ts') = await import(new URL('./source-workers.ts', import.meta.url).href);
  return module.sourceWorkerUrls();
}

/** How long closing waits for the sync thread to stop by itself (it needs well under a second). */
const CLOSE_GRACE_MS = 30_000;

export interface WorkerUrls {
  sync: URL;
  reader: URL;
}

/**
 * The main thread's handle on the sync thread: starts it on first use, runs one sync at
 * a time (a second request joins the running one), and relays progress.
 */
export class SyncRunner {
  private worker: Worker | null = null;
  /** Settles with the thread's exit code when it ends, however it ends (known even if it already has). */
  private workerExit: Promise<number> = Promise.resolve(0);
  private closed = false;
  private running: Promise<SyncSummary> | null = null;
  private queued: Promise<SyncSummary> | null = null;
  private queuedForce = false;
  private nextId = 1;
  /** Jobs in flight on the sync thread; while there are any it keeps the process alive. */
  private jobs = 0;
  private readonly dataDir: string;
  private readonly workerUrls: WorkerUrls | undefined;
  private readonly onProgress: (progress: SyncProgress) => void;
  private readonly onListed: (progress: SyncProgress) => void;

  constructor(options: {
    dataDir: string;
    workerUrls?: WorkerUrls;
    onProgress: (progress: SyncProgress) => void;
    /** A sync's fetched articles are all in the lists (its index and stories follow). */
    onListed?: (progress: SyncProgress) => void;
  }) {
    this.dataDir = options.dataDir;
    this.workerUrls = options.workerUrls;
    this.onProgress = options.onProgress;
    this.onListed = options.onListed ?? (() => undefined);
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  /**
   * Runs a sync. A request that arrives while one runs is not folded into it (that sync
   * chose its feeds before, say, an OPML import added new ones): it queues one follow-up
   * sync, which every further request joins.
   */
  sync(force: boolean): Promise<SyncSummary> {
    if (!this.running) return this.begin(force);
    this.queuedForce ||= force;
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        const queuedForce = this.queuedForce;
        this.queued = null;
        this.queuedForce = false;
        return this.begin(queuedForce);
      });
    return this.queued;
  }

  private begin(force: boolean): Promise<SyncSummary> {
    const running = this.hold((worker) => this.start(worker, force)).finally(() => {
      if (this.running === running) this.running = null;
    });
    this.running = running;
    return running;
  }

  /** Offline capture on the sync thread: the routine pass, or the given articles whatever their age. */
  capture(articleIds?: number[]): Promise<CaptureSummary> {
    return this.hold(
      (worker) =>
        new Promise<CaptureSummary>((resolve, reject) => {
          const id = this.nextId++;
          const onMessage = (message: SyncWorkerMessage) => {
            if ((message.type !== 'captured' && message.type !== 'failed') || message.id !== id) return;
            worker.off('message', onMessage);
            worker.off('exit', onExit);
            if (message.type === 'captured') resolve(message.summary);
            else reject(new Error(message.message));
          };
          // Closing the app does not wait for a capture (pages can be slow): what is left waits for next time.
          const onExit = () => {
            worker.off('message', onMessage);
            reject(new Error('the sync thread stopped before the capture finished'));
          };
          worker.on('message', onMessage);
          worker.once('exit', onExit);
          worker.postMessage({ type: 'capture', id, articleIds } satisfies SyncRequest);
        }),
    );
  }

  /** Runs a job on the sync thread, keeping the process alive meanwhile (an idle sync thread must not). */
  private async hold<T>(job: (worker: Worker) => Promise<T>): Promise<T> {
    // Once closed, no new thread is started (a late capture request would otherwise revive one).
    if (this.closed && !this.worker) throw new Error('the library is closing');
    let worker = this.worker;
    if (!worker) {
      const urls = this.workerUrls ?? (await sourceWorkerUrls());
      if (this.closed && !this.worker) throw new Error('the library is closing');
      worker = this.ensureWorker(urls);
    }
    if (this.jobs++ === 0) worker.ref();
    try {
      return await job(worker);
    } finally {
      if (--this.jobs === 0) worker.unref();
    }
  }

  /** Stories for what the trending window now holds, on the sync thread (after any capture under way). */
  regroupStories(): Promise<void> {
    return this.hold(
      (worker) =>
        new Promise<void>((resolve) => {
          const id = this.nextId++;
          const done = () => {
            worker.off('message', onMessage);
            worker.off('exit', done);
            resolve();
          };
          const onMessage = (message: SyncWorkerMessage) => {
            if (message.type === 'stories-updated' && message.id === id) done();
          };
          worker.on('message', onMessage);
          worker.once('exit', done);
          worker.postMessage({ type: 'stories', id } satisfies SyncRequest);
        }),
    );
  }

  /** Resolves once the sync thread has folded the WAL back into the database. */
  checkpoint(): Promise<void> {
    const worker = this.worker;
    if (!worker) return Promise.resolve();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const onMessage = (message: SyncWorkerMessage) => {
        if (message.type !== 'checkpointed' || message.id !== id) return;
        worker.off('message', onMessage);
        resolve();
      };
      worker.on('message', onMessage);
      worker.postMessage({ type: 'checkpoint', id } satisfies SyncRequest);
    });
  }

  /**
   * Stops the sync thread by asking it to finish: it cuts a capture short, closes its
   * database and ends on its own. Never `terminate()` first: a thread stopped inside a
   * better-sqlite3 call (a statement, opening the file) takes the process down with it
   * (SIGSEGV or a fatal N-API error) — the crash issue 10 found in the test suite.
   */
  async close(): Promise<{ exitCode: number }> {
    this.closed = true;
    // Let a running sync (and the one queued behind it) finish rather than cutting it off.
    await this.queued?.catch(() => undefined);
    await this.running?.catch(() => undefined);
    const worker = this.worker;
    this.worker = null;
    if (!worker) return { exitCode: 0 };
    const exited = this.workerExit;
    worker.ref();
    worker.postMessage({ type: 'close' } satisfies SyncRequest);
    let wedged: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<null>((resolve) => {
      wedged = setTimeout(() => resolve(null), CLOSE_GRACE_MS);
    });
    const exitCode = await Promise.race([exited, gaveUp]);
    clearTimeout(wedged);
    if (exitCode !== null) return { exitCode };
    // Only a thread that ignored the request this long is cut off.
    console.error('broadsheet: the sync thread did not stop in time; stopping it');
    await worker.terminate();
    return { exitCode: await exited };
  }

  private start(worker: Worker, force: boolean): Promise<SyncSummary> {
    const id = this.nextId++;
    return new Promise<SyncSummary>((resolve, reject) => {
      const onMessage = (message: SyncWorkerMessage) => {
        if (message.type === 'progress') return this.onProgress(message.progress);
        if (message.type === 'listed' && message.id === id) return this.onListed(message.progress);
        if ((message.type !== 'done' && message.type !== 'failed') || message.id !== id) return;
        worker.off('message', onMessage);
        worker.off('error', onError);
        if (message.type === 'done') resolve(message.summary);
        else reject(new Error(message.message));
      };
      const onError = (error: Error) => {
        worker.off('message', onMessage);
        this.worker = null;
        reject(error);
      };
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.postMessage({ type: 'sync', id, force } satisfies SyncRequest);
    });
  }

  private ensureWorker(urls: WorkerUrls): Worker {
    if (!this.worker) {
      const worker = new Worker(urls.sync, {
        workerData: { dataDir: this.dataDir, readerWorkerUrl: urls.reader.href },
        resourceLimits: THREAD_LIMITS,
      });
      this.worker = worker;
      this.workerExit = new Promise<number>((resolve) =>
        worker.once('exit', (code) => {
          // A thread that ended on its own (it failed to start, say) is started afresh next time.
          if (this.worker === worker) this.worker = null;
          resolve(code);
        }),
      );
      // Its failure reaches the job waiting on it; without a listener it would be thrown here.
      worker.on('error', (error) => console.error('broadsheet: the sync thread failed:', error.message));
      this.worker.unref();
    }
    return this.worker;
  }
}
