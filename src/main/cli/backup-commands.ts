import { ApiError } from '../../shared/api.ts';
import { formatBytes } from '../../shared/format-bytes.ts';
import { type CliOptions, type LibraryCommand, print } from './command.ts';

/** `backup [file]`, `backups`, `restore <file>`: copies of the library and the way back. */
export const backup: LibraryCommand = async (service, [file], opts) => {
  const report = await service.backupLibrary(file);
  if (opts.json) return print(report);
  console.log(`Backed up the library to ${report.path} (${formatBytes(report.bytes)}).`);
  return 0;
};

export const backups: LibraryCommand = async (service, _args, opts) => {
  const { backups: list } = await service.getLibraryHealth();
  if (opts.json) return print(list);
  if (list.length === 0) console.log('No backups yet.');
  for (const b of list)
    console.log(
      `${b.createdAt.slice(0, 16).replace('T', ' ')}  ${formatBytes(b.bytes).padStart(9)}  ${b.automatic ? 'daily ' : 'manual'}  ${b.name}`,
    );
  return 0;
};

/** Runs on the folder, not an open library: the library may be the damaged thing being replaced. */
export async function restore(dataDir: string, [file]: string[], opts: CliOptions): Promise<number> {
  if (!file) throw new ApiError('invalid-argument', 'use: restore <backup file>');
  const { restoreLibrary } = await import('../db/backup.ts');
  const report = restoreLibrary(dataDir, file);
  if (opts.json) return print(report);
  console.log(`Restored the library from ${report.restoredFrom} (schema ${report.schemaVersion}).`);
  if (report.previousSavedAs) console.log(`The library it replaced was kept as ${report.previousSavedAs}.`);
  return 0;
}
