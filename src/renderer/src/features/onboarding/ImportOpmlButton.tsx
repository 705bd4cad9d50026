import { news } from '../../api/client.ts';
import { OpenFileButton } from '../../lib/OpenFileButton.tsx';
import { useLibrary } from '../../store/library-store.ts';

/** Picks an OPML file and imports its subscriptions; problems are reported in words. */
export function ImportOpmlButton() {
  const onFile = async (file: File) => {
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
    <OpenFileButton
      label="Import OPML"
      inputLabel="OPML file"
      accept=".opml,.xml,text/x-opml,text/xml,application/xml"
      onFile={(file) => void onFile(file)}
    />
  );
}
