import { type FormEvent, useRef, useState } from 'react';
import { news } from '../../api/client.ts';
import { useLibrary } from '../../store/library-store.ts';

/** A button that opens the subscribe dialog: a feed or site address, and an optional section. */
export function AddFeedButton({ label = 'Add feed' }: { label?: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const sections = useLibrary((s) => s.sections);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const url = String(form.get('url') ?? '').trim();
    const section = String(form.get('section') ?? '').trim();
    if (!url) return;
    setBusy(true);
    setMessage('Looking for the feed…');
    try {
      await news.subscribe(url, section || undefined);
      setMessage(null);
      dialog.current?.close();
      await useLibrary.getState().refresh();
    } catch (error) {
      setMessage((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()}>
        {label}
      </button>
      <dialog ref={dialog} aria-labelledby="add-feed-title" className="dialog" onClose={() => setMessage(null)}>
        <form onSubmit={(e) => void submit(e)}>
          <h2 id="add-feed-title">Add a feed</h2>
          <label>
            Feed or site address
            <input name="url" type="text" inputMode="url" required placeholder="https://example.com/feed.xml" autoComplete="off" />
          </label>
          <label>
            Section
            <input name="section" type="text" list="section-names" placeholder="e.g. Politics" autoComplete="off" />
            <datalist id="section-names">
              {sections.map((s) => (
                <option key={s.id} value={s.name} />
              ))}
            </datalist>
          </label>
          {message && (
            <p className="dialog-message" role="status">
              {message}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy}>
              Subscribe
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
