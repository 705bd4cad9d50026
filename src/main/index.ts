/**
 * The Electron shell: app lifecycle, the window, and the IPC bridge to the services.
 * The only file of the main process that imports `electron`; everything it serves is
 * the same plain-Node NewsService the browser mode and CLI use.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { NEWS_EVENT_NAMES } from '../shared/api.ts';
import { handleCall } from '../shared/api-schema.ts';
import { IPC_CALL, IPC_EVENT } from '../shared/ipc-channels.ts';
import { resolveDataDir } from './data-dir.ts';
import { NewsService } from './library/news-service.ts';
import { installAppMenu } from './shell/app-menu.ts';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './shell/app-protocol.ts';
import { hardenWebContents } from './shell/harden.ts';

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
  app.setPath('userData', dataDir);
  const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources');
  const rendererDir = path.join(import.meta.dirname, '..', 'renderer');
  let service: NewsService | null = null;
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.whenReady().then(() => {
    try {
      // The sync and reader threads are bundled beside this file (electron.vite.config.ts).
      const workerUrls = { sync: new URL('./sync-worker.js', import.meta.url), reader: new URL('./reader-worker.js', import.meta.url) };
      service = new NewsService({ dataDir, resourcesDir, workerUrls });
    } catch (error) {
      dialog.showErrorBox('Broadsheet cannot open its library', (error as Error).message);
      app.exit(1);
      return;
    }
    const news = service;
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    // Remote pictures (those not in the offline cache) are fetched without credentials:
    // no cookie a publisher or tracker set can follow a reader from article to article.
    session.defaultSession.webRequest.onBeforeSendHeaders({ urls: ['http://*/*', 'https://*/*'] }, (details, callback) => {
      const { Cookie: _cookie, cookie: _lower, Authorization: _auth, ...requestHeaders } = details.requestHeaders;
      callback({ requestHeaders });
    });
    session.defaultSession.webRequest.onHeadersReceived({ urls: ['http://*/*', 'https://*/*'] }, (details, callback) => {
      const headers = { ...details.responseHeaders };
      for (const name of Object.keys(headers)) if (name.toLowerCase() === 'set-cookie') delete headers[name];
      callback({ responseHeaders: headers });
    });
    serveRenderer(rendererDir, (key) => news.cachedImage(key));

    ipcMain.handle(IPC_CALL, (event, method: unknown, args: unknown) => {
      // Only our own renderer, in the top frame, may call the services.
      const sender = event.senderFrame;
      if (!sender || sender.parent !== null || !isOwnOrigin(sender.url)) {
        return { ok: false, error: { code: 'invalid-argument', message: 'calls are accepted from Broadsheet’s own window only' } };
      }
      return handleCall(news, method, args);
    });
    for (const name of NEWS_EVENT_NAMES) {
      news.on(name, (payload) => mainWindow?.webContents.send(IPC_EVENT, name, payload));
    }

    installAppMenu(news, () => mainWindow);
    mainWindow = createWindow();
    news.startBackgroundSync();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void service?.close());
}

function isOwnOrigin(url: string): boolean {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  return url.startsWith(`${APP_ORIGIN}/`) || (!app.isPackaged && !!devUrl && url.startsWith(devUrl));
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Broadsheet',
    backgroundColor: '#1b1b1d',
    webPreferences: {
      preload: path.join(import.meta.dirname, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A middle click must not open a link in a new window (electronegativity AUXCLICK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && devUrl) void window.loadURL(devUrl);
  else void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
