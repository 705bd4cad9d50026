import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo, BookmarkFormat, StorageReport } from '../../../../shared/api.ts';
import { formatBytes } from '../../../../shared/format-bytes.ts';
import { news } from '../../api/client.ts';
import { OpenFileButton } from '../../lib/OpenFileButton.tsx';
import { saveTextFile } from '../../lib/save-file.ts';
import { useLibrary } from '../../store/library-store.ts';

const EXPORTS: { format: BookmarkFormat; label: string; file: string; type: string }[] = [
  { format: 'html', label: 'Export bookmarks for a browser', file: 'broadsheet-bookmarks.html', type: 'text/html' },
  { format: 'md', label: 'Export bookmarks as Markdown', file: 'broadsheet-bookmarks.md', type: 'text/markdown' },
  { format: 'json', label: 'Export bookmarks with full text (JSON)', file: 'broadsheet-bookmarks.json', type: 'application/json' },
];

/** The settings' library part: what is stored and how big, clearing the picture cache, backups and bookmark files. */
export function LibraryCare() {
  const [storage, setStorage] = useState<StorageReport | null>(null);
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [message, setMessage] = useState('');
  const run = useLibrary((s) => s.run);
  const autoBackup = useLibrary((s) => s.settings.autoBackup);
  const updateSettings = useLibrary((s) => s.updateSettings);
  const reload = useCallback(async () => {
    setStorage((await run(() => news.getStorage())) ?? null);
    setBackups((await run(() => news.getLibraryHealth()))?.backups ?? []);
  }, [run]);
  useEffect(() => void reload(), [reload]);

  const clearCache = async () => {
    const result = await run(() => news.clearImageCache());
    if (result) setMessage(`Removed ${result.removed} pictures (${formatBytes(result.freedBytes)}); bookmarked stories keep theirs.`);
    await reload();
  };
  const backUp = async () => {
    const report = await run(() => news.backupLibrary());
    if (report) setMessage(`Backed up to ${report.path} (${formatBytes(report.bytes)}).`);
    await reload();
  };
  const restore = async (backup: BackupInfo) => {
    if (
      !window.confirm(
        `Replace the library with the backup of ${new Date(backup.createdAt).toLocaleString()}? The current library is set aside, not deleted.`,
      )
    )
      return;
    const report = await run(() => news.restoreBackup(backup.name));
    if (!report) return;
    setMessage(`Restored the backup of ${new Date(backup.createdAt).toLocaleString()}.`);
    await useLibrary.getState().refresh();
    await reload();
  };
  const exportBookmarks = async (format: BookmarkFormat, file: string, type: string) => {
    const text = await run(() => news.exportBookmarks(format));
    if (text !== undefined) saveTextFile(text, file, type);
  };
  const importBookmarks = async (file: File) => {
    const result = await run(async () => news.importBookmarks(await file.text()));
    if (!result) return;
    setMessage(`Imported ${result.imported} bookmarks (${result.alreadyBookmarked} were already here).`);
    await useLibrary.getState().refresh();
    await reload();
  };

  return (
    <section aria-labelledby="library-care-title" className="library-care">
      <h3 id="library-care-title">Library and offline reading</h3>
      {storage && (
        <dl className="storage-readout" aria-label="Storage">
          <dt>Articles</dt>
          <dd>
            {storage.articles.toLocaleString()} ({storage.bookmarks.toLocaleString()} bookmarked)
          </dd>
          <dt>Pictures kept offline</dt>
          <dd>
            {storage.images.toLocaleString()}, {formatBytes(storage.imageBytes)} of {formatBytes(storage.imageCacheLimitBytes)}
          </dd>
          <dt>Database</dt>
          <dd>{formatBytes(storage.databaseBytes)}</dd>
        </dl>
      )}
      <div className="care-actions">
        <button type="button" onClick={() => void clearCache()}>
          Clear picture cache
        </button>
        <button type="button" onClick={() => void backUp()}>
          Back up library
        </button>
      </div>
      <label className="setting-check">
        <input type="checkbox" checked={autoBackup} onChange={(event) => void updateSettings({ autoBackup: event.target.checked })} />
        Back up the library every day (kept for a week)
      </label>
      {backups.length > 0 && (
        <ul className="backup-list" aria-label="Backups">
          {backups.map((backup) => (
            <li key={backup.name}>
              <span>
                {new Date(backup.createdAt).toLocaleString()} · {backup.automatic ? 'daily' : 'by hand'} · {formatBytes(backup.bytes)}
              </span>
              <button
                type="button"
                onClick={() => void restore(backup)}
                aria-label={`Restore the backup of ${new Date(backup.createdAt).toLocaleString()}`}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="care-actions">
        {EXPORTS.map(({ format, label, file, type }) => (
          <button key={format} type="button" onClick={() => void exportBookmarks(format, file, type)}>
            {label}
          </button>
        ))}
        <OpenFileButton
          label="Import bookmarks"
          inputLabel="Bookmarks file (JSON export)"
          accept=".json,application/json"
          onFile={(file) => void importBookmarks(file)}
        />
      </div>
      <p className="dialog-message" role="status">
        {message}
      </p>
    </section>
  );
}
