import type { SyncProgress } from '../../shared/api.ts';
import type { SyncSummary } from './sync-all.ts';

/** What the main thread asks of the sync thread. */
export type SyncRequest = { type: 'sync'; id: number; force: boolean } | { type: 'checkpoint'; id: number } | { type: 'close' };

/** What the sync thread answers. */
export type SyncWorkerMessage =
  | { type: 'progress'; progress: SyncProgress }
  | { type: 'done'; id: number; summary: SyncSummary }
  | { type: 'failed'; id: number; message: string }
  | { type: 'checkpointed'; id: number };
