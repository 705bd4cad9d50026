import { ApiError } from '../../shared/api.ts';
import type { NewsService } from '../library/news-service.ts';

/** The options every library command may read, checked once in cli.ts. */
export interface CliOptions {
  json: boolean;
  section?: string;
  limit?: number;
  format?: string;
  window?: string;
  /** `trending --all`: every story of the window, one-article stories included, every article listed. */
  all?: boolean;
  fullText?: string;
  remotePictures?: string;
  publisher?: string;
}

/** A command on an open library: its words after the command name; returns the exit code. */
export type LibraryCommand = (service: NewsService, args: string[], opts: CliOptions) => Promise<number>;

export function print(value: unknown): number {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  return 0;
}

export async function sectionIdByName(service: NewsService, name: string): Promise<number> {
  const section = (await service.listSections()).find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!section) throw new ApiError('not-found', `There is no section “${name}”.`);
  return section.id;
}

/** `--limit`: a page size the services accept, or a clear refusal. */
export function parseLimit(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw new ApiError('invalid-argument', '--limit must be a whole number from 1 to 500');
  return limit;
}
