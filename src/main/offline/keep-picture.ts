import { describeStorageError } from '../db/storage-errors.ts';
import { fetchImage } from './fetch-image.ts';
import { writeImageFile } from './image-cache.ts';

export interface PictureJob {
  url: string;
  /** The library's folder: the picture's file goes under its images/. */
  dataDir: string;
}

export type PictureResult =
  /** The file is in place; the caller records its row. */
  | { kind: 'kept'; contentType: string; bytes: number }
  /** The server's answer: not a picture, gone, unreachable (`offline`), our network down (`networkDown`). */
  | { kind: 'failed'; message: string; offline: boolean; networkDown?: boolean }
  /** Downloaded but not written (a full disk, say), in words: nothing recorded, tried again next pass. */
  | { kind: 'unstored'; message: string };

/** Downloads a picture and writes its file. Never throws; runs on a reader thread in a sync. */
export type PictureKeeper = (job: PictureJob, signal?: AbortSignal) => Promise<PictureResult>;

export const keepPicture: PictureKeeper = async (job, signal) => {
  const image = await fetchImage(job.url, signal);
  if (image.kind === 'failed') return image;
  try {
    await writeImageFile(job.dataDir, job.url, image.bytes);
  } catch (failure) {
    return { kind: 'unstored', message: describeStorageError(failure) };
  }
  return { kind: 'kept', contentType: image.contentType, bytes: image.bytes.byteLength };
};
