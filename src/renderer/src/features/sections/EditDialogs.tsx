import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { FeedSummary, FullTextMode, SectionSummary } from '../../../../shared/api.ts';
import { news } from '../../api/client.ts';
import { saveTextFile } from '../../lib/save-file.ts';
import { useLibrary } from '../../store/library-store.ts';

/** Runs a change and refreshes the library; errors land in the banner, in words. */
async function change(task: () => Promise<unknown>): Promise<boolean> {
  const store = useLibrary.getState();
  const ok =
    (await store.run(async () => {
      await task();
      return true;
    })) === true;
  if (ok) await store.refresh();
  return ok;
}

/**
 * "⋯" for a feed: rename it, move it to a section, or unsubscribe (bookmarks stay). The
 * dialog exists only while open: a thousand subscriptions would otherwise keep a
 * thousand forms in the page.
 */
export function FeedOptions({ feed }: { feed: FeedSummary }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="icon-button" aria-label={`Options for ${feed.title || feed.url}`} onClick={() => setOpen(true)}>
        ⋯
      </button>
      {open && <FeedDialog feed={feed} onClosed={() => setOpen(false)} />}
    </>
  );
}

function FeedDialog({ feed, onClosed }: { feed: FeedSummary; onClosed: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const sections = useLibrary((s) => s.sections);
  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const title = String(form.get('title') ?? '').trim();
    const section = String(form.get('section') ?? '').trim();
    const fullText = String(form.get('fullText') ?? feed.fullText) as FullTextMode;
    const remotePictures = form.get('remotePictures') === 'on';
    const publisher = String(form.get('publisher') ?? '').trim() || null;
    const ok = await change(async () => {
      if (title && title !== feed.title) await news.renameFeed(feed.id, title);
      if (section !== (feed.sectionName ?? '')) await news.moveFeed(feed.id, section || null);
      if (fullText !== feed.fullText) await news.setFeedFullText(feed.id, fullText);
      if (remotePictures !== feed.remotePictures) await news.setFeedRemotePictures(feed.id, remotePictures);
      if (publisher !== feed.publisher) await news.setFeedPublisher(feed.id, publisher);
    });
    if (ok) dialog.current?.close();
  };
  const remove = async () => {
    if (await change(() => news.unsubscribe(feed.id))) dialog.current?.close();
  };
  return (
    <dialog ref={dialog} className="dialog" aria-label={`Feed: ${feed.title || feed.url}`} onClose={onClosed}>
      <form onSubmit={(e) => void save(e)}>
        <h2>{feed.title || feed.url}</h2>
        <p className="dialog-message">{feed.url}</p>
        <label>
          Name
          <input name="title" defaultValue={feed.title} required />
        </label>
        <label>
          Section
          <input name="section" list="feed-section-names" defaultValue={feed.sectionName ?? ''} placeholder="No section" />
          <datalist id="feed-section-names">
            {sections.map((s) => (
              <option key={s.id} value={s.name} />
            ))}
          </datalist>
        </label>
        <label>
          Full text
          <select name="fullText" defaultValue={feed.fullText}>
            <option value="auto">Read the page when the feed has only summaries</option>
            <option value="always">Always read the article’s page</option>
            <option value="never">Never: show what the feed carries</option>
          </select>
        </label>
        <label>
          Publisher
          <input name="publisher" defaultValue={feed.publisher ?? ''} placeholder="Worked out from the feed’s site" maxLength={200} />
        </label>
        <p className="dialog-message">Trending counts a story’s sources by publisher: give two feeds one name to count them once.</p>
        <label className="checkbox-setting">
          <input type="checkbox" name="remotePictures" defaultChecked={feed.remotePictures} />
          Load pictures from the web when no offline copy is kept
        </label>
        <EditActions removeLabel="Unsubscribe" onRemove={() => void remove()} onCancel={() => dialog.current?.close()} />
        <p className="dialog-message">Unsubscribing removes the feed and its articles; bookmarked stories stay in Bookmarks.</p>
      </form>
    </dialog>
  );
}

/** "⋯" for a section: rename or delete it (its feeds stay, outside any section). */
export function SectionOptions({ section }: { section: SectionSummary }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    if (name && name !== section.name && (await change(() => news.renameSection(section.id, name)))) dialog.current?.close();
    else if (name === section.name) dialog.current?.close();
  };
  const remove = async () => {
    const store = useLibrary.getState();
    if (await change(() => news.deleteSection(section.id))) {
      dialog.current?.close();
      if (store.selection.sectionId === section.id) await store.select({ view: 'all' });
    }
  };
  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label={`Options for section ${section.name}`}
        onClick={() => dialog.current?.showModal()}
      >
        ⋯
      </button>
      <dialog ref={dialog} className="dialog" aria-label={`Section: ${section.name}`}>
        <form onSubmit={(e) => void save(e)}>
          <h2>Section {section.name}</h2>
          <label>
            Name
            <input name="name" defaultValue={section.name} required />
          </label>
          <EditActions removeLabel="Delete section" onRemove={() => void remove()} onCancel={() => dialog.current?.close()} />
          <p className="dialog-message">Deleting a section keeps its feeds, outside any section.</p>
        </form>
      </dialog>
    </>
  );
}

/** Saves the subscriptions as an OPML file other readers can import. */
export function ExportOpmlButton() {
  const exportOpml = async () => {
    const opml = await useLibrary.getState().run(() => news.exportOpml());
    if (opml) saveTextFile(opml, 'broadsheet-subscriptions.opml', 'text/x-opml');
  };
  return (
    <button type="button" onClick={() => void exportOpml()}>
      Export OPML
    </button>
  );
}

/** Remove (on the left, in red), Cancel and Save: the same row in both edit dialogs. */
function EditActions({ removeLabel, onRemove, onCancel }: { removeLabel: string; onRemove: () => void; onCancel: () => void }) {
  return (
    <div className="dialog-actions">
      <button type="button" className="danger" onClick={onRemove}>
        {removeLabel}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="primary">
        Save
      </button>
    </div>
  );
}
