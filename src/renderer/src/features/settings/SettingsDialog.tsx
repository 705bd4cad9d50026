import { useRef, useState } from 'react';
import type { Settings } from '../../../../shared/api.ts';
import { useLibrary } from '../../store/library-store.ts';
import { LibraryCare } from './LibraryCare.tsx';

const NUMBER_SETTINGS: { key: keyof Settings; label: string; min: number; max: number; unit: string }[] = [
  { key: 'readerFontSize', label: 'Reading font size', min: 12, max: 32, unit: 'px' },
  { key: 'readerWidth', label: 'Reading width', min: 28, max: 80, unit: 'characters (about)' },
  { key: 'syncIntervalMinutes', label: 'Sync every', min: 5, max: 1440, unit: 'minutes' },
  { key: 'retentionDays', label: 'Keep articles for', min: 1, max: 36500, unit: 'days (bookmarks are kept forever)' },
  { key: 'keepPerFeed', label: 'Always keep per feed', min: 0, max: 10000, unit: 'newest articles' },
  { key: 'imageCacheMB', label: 'Picture cache', min: 50, max: 100000, unit: 'MB (bookmarks’ pictures are always kept)' },
  { key: 'trendingWindowHours', label: 'Trending looks back', min: 1, max: 336, unit: 'hours' },
];

/** Settings: reading size, sync interval, retention and the library's storage (theme sits in the top bar). */
export function SettingsButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const settings = useLibrary((s) => s.settings);
  const update = useLibrary((s) => s.updateSettings);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        Settings
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby="settings-title" onClose={() => setOpen(false)}>
        <h2 id="settings-title">Settings</h2>
        {NUMBER_SETTINGS.map(({ key, label, min, max, unit }) => (
          <label key={key}>
            {label}
            <span className="setting-row">
              <input
                type="number"
                min={min}
                max={max}
                value={settings[key] as number}
                onChange={(e) => {
                  const value = Number(e.currentTarget.value);
                  if (Number.isInteger(value) && value >= min && value <= max) void update({ [key]: value });
                }}
              />
              <span className="unit">{unit}</span>
            </span>
          </label>
        ))}
        <label className="checkbox-setting">
          <input type="checkbox" checked={settings.foldStories} onChange={(e) => void update({ foldStories: e.currentTarget.checked })} />
          Show one row per story in article lists
        </label>
        <label className="checkbox-setting">
          <input
            type="checkbox"
            checked={settings.readStoryOnce}
            disabled={!settings.foldStories}
            onChange={(e) => void update({ readStoryOnce: e.currentTarget.checked })}
          />
          Reading a story’s row marks its other articles read
        </label>
        {open && <LibraryCare />}
        <div className="dialog-actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
