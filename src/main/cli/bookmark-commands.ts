import fs from 'node:fs';
import { ApiError } from '../../shared/api.ts';
import { type LibraryCommand, print } from './command.ts';
import { readInputFile } from './describe-error.ts';

/** `bookmarks export [--format html|md|json] [file]` and `bookmarks import <file>`. */
export const bookmarks: LibraryCommand = async (service, [action, file], opts) => {
  const { exportBookmarks, importBookmarks } = await import('../library/bookmarks-transfer.ts');
  if (action === 'export') {
    const format = opts.format ?? 'json';
    if (format !== 'html' && format !== 'md' && format !== 'json')
      throw new ApiError('invalid-argument', '--format must be html, md or json');
    const text = exportBookmarks(service.db, format);
    if (file) fs.writeFileSync(file, text);
    else process.stdout.write(text);
    return 0;
  }
  if (action === 'import' && file) {
    const result = importBookmarks(service.db, readInputFile(file).toString('utf8'));
    if (opts.json) return print(result);
    console.log(`Imported ${result.imported} bookmarks (${result.alreadyBookmarked} were already here).`);
    return 0;
  }
  throw new ApiError('invalid-argument', 'use: bookmarks export [--format html|md|json] [file] | bookmarks import <file>');
};
