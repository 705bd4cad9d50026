import { type ChangeEvent, useRef } from 'react';
import { news } from '../../api/client.ts';
import { useLibrary } from '../../store/library-store.ts';

/** Picks an OPML file and imports its subscriptions; problems are reported in words. */
export function ImportOpmlButton() {
  const input = useRef<HTMLInputElement>(null);
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    const store = useLibrary.getState();
    const report = await store.run(async () => news.importOpml(await file.text()));
    if (!report) return;
    await store.refresh();
    if (report.problems.length > 0) {
      useLibrary.setState({
        error: `Imported ${report.feedsAdded} feeds; skipped ${report.problems.length}: ${report.problems.join('; ')}`,
      });
    } else {
      void store.run(() => news.syncNow());
    }
  };
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        Import OPML
      </button>
      <input
        ref={input}
        type="file"
        accept=".opml,.xml,text/x-opml,text/xml,application/xml"
        hidden
        aria-label="OPML file"
        onChange={(e) => void onFile(e)}
      />
    </>
  );
}
