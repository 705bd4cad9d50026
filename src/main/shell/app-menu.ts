import { type BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import type { NewsService } from '../library/news-service.ts';

/**
 * The application menu: the standard edit and window roles (copy and paste need them on
 * macOS), plus backing up and restoring the library.
 */
export function installAppMenu(service: NewsService, window: () => BrowserWindow | null): void {
  const backUp = async () => {
    const owner = window();
    const choice = await (owner ? dialog.showSaveDialog(owner, saveOptions()) : dialog.showSaveDialog(saveOptions()));
    if (choice.canceled || !choice.filePath) return;
    try {
      const report = await service.backupLibrary(choice.filePath);
      await dialog.showMessageBox({ message: 'Library backed up', detail: `${report.path} (${Math.round(report.bytes / 1024)} KB)` });
    } catch (error) {
      dialog.showErrorBox('The backup failed', (error as Error).message);
    }
  };
  const restore = async () => {
    const choice = await dialog.showOpenDialog({
      title: 'Restore the library from a backup',
      properties: ['openFile'],
      filters: [{ name: 'Broadsheet backup', extensions: ['db'] }],
    });
    const file = choice.filePaths[0];
    if (choice.canceled || !file) return;
    const confirm = await dialog.showMessageBox({
      type: 'warning',
      buttons: ['Restore', 'Cancel'],
      defaultId: 1,
      message: 'Replace the library with this backup?',
      detail: 'The current library is set aside next to it (not deleted).',
    });
    if (confirm.response !== 0) return;
    try {
      // While the app runs: the services close their connections, restore, and open again;
      // the window hears "library changed" and shows the restored library.
      const report = await service.restoreFromFile(file);
      await dialog.showMessageBox({ message: 'Library restored', detail: `From ${report.restoredFrom}.` });
    } catch (error) {
      dialog.showErrorBox('The backup could not be restored', (error as Error).message);
    }
  };
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Back Up Library…', click: () => void backUp() },
        { label: 'Restore From Backup…', click: () => void restore() },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function saveOptions() {
  return {
    title: 'Back up the library',
    defaultPath: `broadsheet-backup-${new Date().toISOString().slice(0, 10)}.db`,
    filters: [{ name: 'Broadsheet backup', extensions: ['db'] }],
  };
}
