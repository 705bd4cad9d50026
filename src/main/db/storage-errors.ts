/**
 * A failure to store, in words: the disk or the folder, not a code. Used where a sync or
 * a capture could not write, so the person learns what to do about it (and that nothing
 * stored was lost: every write is a transaction, rolled back whole).
 */
export function describeStorageError(failure: unknown): string {
  const code = (failure as { code?: string }).code ?? '';
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return 'the disk is full';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code.startsWith('SQLITE_READONLY'))
    return 'the data folder cannot be written to';
  if (code.startsWith('SQLITE_IOERR')) return 'the disk could not be written (input/output error)';
  return failure instanceof Error ? failure.message : String(failure);
}
