import type { SyncProgress } from '../../shared/api.ts';
import type { CaptureSummary } from '../offline/capture.ts';
import type { SyncSummary } from './sync-all.ts';

/** What the main thread asks of the sync thread. */
export type SyncRequest =
  | { type: 'sync'; id: number; force: boolean }
  /** Offline capture: the routine pass, or these articles (just bookmarked) whatever their age. */
  | { type: 'capture'; id: number; articleIds?: number[] }
  | { type: 'checkpoint'; id: number }
  /** Put what the trending window now holds into stories (the window setting changed). */
  | { type: 'stories'; id: number }
  | { type: 'close' };

/** What the sync thread answers. */
export type SyncWorkerMessage =
  | { type: 'progress'; progress: SyncProgress }
  /** Every fetched article of sync `id` is in the lists; the index and stories follow. */
  | { type: 'listed'; id: number; progress: SyncProgress }
  | { type: 'done'; id: number; summary: SyncSummary }
  | { type: 'captured'; id: number; summary: CaptureSummary }
  | { type: 'failed'; id: number; message: string }
  | { type: 'checkpointed'; id: number }
  | { type: 'stories-updated'; id: number };
