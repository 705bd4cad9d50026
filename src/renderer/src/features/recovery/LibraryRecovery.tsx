import { useEffect, useRef, useState } from 'react';
import type { LibraryHealth } from '../../../../shared/api.ts';
import { news } from '../../api/client.ts';
import { useLibrary } from '../../store/library-store.ts';

/**
 * Shown once at start when the library was found damaged: what happened (the damaged
 * file was set aside, not deleted) and the way back, the newest backup.
 */
export function LibraryRecovery() {
  const [health, setHealth] = useState<LibraryHealth | null>(null);
  const [done, setDone] = useState('');
  const dialog = useRef<HTMLDialogElement>(null);
  const run = useLibrary((s) => s.run);

  useEffect(() => {
    void run(() => news.getLibraryHealth()).then((found) => {
      if (found?.damaged) setHealth(found);
    });
  }, [run]);
  useEffect(() => {
    if (health?.damaged && !dialog.current?.open) dialog.current?.showModal();
  }, [health]);

  if (!health?.damaged) return null;
  const backup = health.newestBackup;
  const restore = async () => {
    if (!backup) return;
    const report = await run(() => news.restoreBackup(backup.name));
    if (!report) return;
    setDone(`Restored the library from the backup of ${new Date(backup.createdAt).toLocaleString()}.`);
    await useLibrary.getState().refresh();
  };

  return (
    <dialog ref={dialog} className="dialog" aria-label="Library damaged" aria-describedby="library-damaged-message">
      <h2>Your library was damaged</h2>
      <p id="library-damaged-message" className="dialog-message">
        {health.damaged.message}
      </p>
      {done ? (
        <p role="status">{done}</p>
      ) : backup ? (
        <p className="dialog-message">
          The newest backup is from {new Date(backup.createdAt).toLocaleString()} ({backup.automatic ? 'daily backup' : 'made by hand'}).
        </p>
      ) : (
        <p className="dialog-message">There is no backup to restore; the library starts empty.</p>
      )}
      <div className="dialog-actions">
        {backup && !done && (
          <button type="button" onClick={() => void restore()}>
            Restore the newest backup
          </button>
        )}
        <button type="button" onClick={() => dialog.current?.close()}>
          {done ? 'Close' : 'Start with an empty library'}
        </button>
      </div>
    </dialog>
  );
}
