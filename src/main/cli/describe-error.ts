import fs from 'node:fs';

/** An error in words for the command line: a file system's codes become sentences; the rest says its message. */
export function describeError(error: unknown): string {
  const { code, path: file, message } = (error ?? {}) as { code?: string; path?: string; message?: string };
  if (file && code === 'ENOENT') return `There is no file at ${file}.`;
  if (file && code === 'EISDIR') return `${file} is a folder, not a file.`;
  if (file && (code === 'EACCES' || code === 'EPERM')) return `${file} cannot be read or written here (permission denied).`;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return `The disk is full${file ? ` (writing ${file})` : ''}; nothing more was written.`;
  if (code === 'EROFS' || code === 'SQLITE_READONLY')
    return `The data folder is read-only${file ? ` (${file})` : ''}; nothing was written.`;
  return message ?? String(error);
}

/** Reads a file the person named; its errors carry the name (a folder's "EISDIR" does not by itself). */
export function readInputFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw Object.assign(error as Error, { path: file });
  }
}
