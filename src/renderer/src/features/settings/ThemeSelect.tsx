import { useEffect } from 'react';
import type { Theme } from '../../../../shared/api.ts';
import { useLibrary } from '../../store/library-store.ts';

/** Applies the theme setting to the document; "system" follows the OS and its changes. */
export function useTheme(): void {
  const theme = useLibrary((s) => s.settings.theme);
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const effective = theme === 'system' ? (media.matches ? 'dark' : 'light') : theme;
      document.documentElement.dataset.theme = effective;
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}

export function ThemeSelect() {
  const theme = useLibrary((s) => s.settings.theme);
  const update = useLibrary((s) => s.updateSettings);
  return (
    <label className="theme-select">
      Theme
      <select value={theme} onChange={(e) => void update({ theme: e.currentTarget.value as Theme })}>
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
