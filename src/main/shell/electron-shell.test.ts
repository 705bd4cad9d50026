import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CALL } from '../../shared/ipc-channels.ts';
import { electronStandIn, standInWebContents } from '../../test-support/electron-stand-in.ts';

/**
 * The Electron shell's wiring, with a stand-in `electron` module (no Electron binary can
 * be installed here): what the shell asks of Electron, driven the way Electron would.
 * These are checks of the wiring, not of a running window.
 */
// Not tempDir(): it is removed after each test, and the shell keeps its library open across them.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-shell-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const electron = electronStandIn({ userData: dataDir });
vi.mock('electron', () => electron.module);

beforeAll(async () => {
  process.env.BROADSHEET_DATA_DIR = dataDir;
  await import('../index.ts');
  electron.becomeReady();
  await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
});

const own = 'app://broadsheet/index.html';

describe('the Electron shell (wiring, with a stand-in electron module)', () => {
  it('opens one window with the security checklist’s web preferences, on the app:// origin', () => {
    const [window] = electron.windows;
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    });
    const preferences = window?.options.webPreferences as { preload?: string } | undefined;
    expect(preferences?.preload).toMatch(/preload[/\\]index\.cjs$/);
    expect(window?.loaded).toEqual([own]);
    expect(electron.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('keeps every web contents on its own pages: other navigation, new windows and webviews are refused; web links open in the OS browser', () => {
    const { contents, fire, open } = standInWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    expect(fire('will-navigate', 'app://broadsheet/index.html#x')).toBe(false);
    expect(fire('will-navigate', 'https://news.example/story')).toBe(true);
    expect(fire('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'https://elsewhere.example/')).toBe(true);
    expect(fire('will-attach-webview', {}, {})).toBe(true);
    expect(open('https://news.example/other')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    // Only the web addresses went to the OS browser.
    expect(electron.opened).toEqual(['https://news.example/story', 'https://news.example/other']);
  });

  it('a second start of the app brings this window forward instead of opening a second library', () => {
    const [window] = electron.windows;
    electron.app.emit('second-instance', {}, ['broadsheet'], process.cwd());
    expect(window?.focusCalls).toBe(1);
    expect(electron.windows).toHaveLength(1);
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])
      electron.permissions.request?.({}, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false, false]);
    expect(electron.permissions.check?.()).toBe(false);
  });

  it('answers IPC calls only from its own page in the top frame, and validates them', async () => {
    const call = electron.ipcHandlers.get(IPC_CALL);
    expect(call).toBeTypeOf('function');
    const from = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });
    const ok = (await call?.(from(own), 'getStatus', [])) as { ok: boolean; value?: { dataDir: string } };
    expect(ok).toMatchObject({ ok: true, value: { dataDir } });
    for (const event of [
      from('https://evil.example/'),
      from(own, { url: own }),
      { senderFrame: null },
      from('app://broadsheet.evil/index.html'),
    ]) {
      expect(await call?.(event, 'getStatus', []), JSON.stringify(event)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect(await call?.(from(own), 'getArticle', ['1; DROP TABLE articles'])).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await call?.(from(own), 'noSuchMethod', [])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('serves the renderer and cached pictures over app://, with its policy; nothing else, however the path is spelled', async () => {
    const handle = electron.protocolHandlers.get('app');
    expect(handle).toBeTypeOf('function');
    const get = (url: string) => handle?.(new Request(url)) as Promise<Response>;
    const index = await get(own);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    for (const url of [
      'app://broadsheet/..%2F..%2Fpackage.json',
      'app://broadsheet/%2e%2e/%2e%2e/package.json',
      'app://broadsheet/index.html%00.png',
      'app://evil/index.html',
      'app://broadsheet/image-cache/..%2F..%2Fbroadsheet.db',
      `app://broadsheet/image-cache/${'0'.repeat(32)}`,
    ]) {
      const response = await get(url);
      expect([403, 404], url).toContain(response.status);
      expect(await response.text(), url).not.toMatch(/"name": "broadsheet"|SQLite format/);
    }
    // A picture that is in the cache: its own type, no sniffing, a sandbox policy.
    const { storeImage, imageKey } = await import('../offline/image-cache.ts');
    const { openDatabase } = await import('../db/connection.ts');
    const db = openDatabase(dataDir);
    await storeImage(db, dataDir, {
      url: 'https://pictures.example/a.png',
      bytes: Buffer.from('89504e470d0a1a0a', 'hex'),
      contentType: 'image/png',
    });
    db.close();
    const picture = await get(`app://broadsheet/image-cache/${imageKey('https://pictures.example/a.png')}`);
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/png');
    expect(picture.headers.get('content-security-policy')).toContain('sandbox');
    expect(fs.existsSync(path.join(dataDir, 'broadsheet.db'))).toBe(true);
  });

  it('fetches remote pictures without credentials: no cookie or authorization goes out, no cookie is kept', () => {
    let sent: Record<string, string> = {};
    electron.webRequest.beforeSendHeaders?.(
      { requestHeaders: { Accept: 'image/*', Cookie: 'tracker=1', Authorization: 'Basic x', Referer: '' } },
      ({ requestHeaders }) => {
        sent = requestHeaders;
      },
    );
    expect(sent).toEqual({ Accept: 'image/*', Referer: '' });
    let kept: Record<string, string[]> = {};
    electron.webRequest.headersReceived?.(
      { responseHeaders: { 'Content-Type': ['image/png'], 'Set-Cookie': ['id=2'], 'set-cookie': ['x=3'] } },
      ({ responseHeaders }) => {
        kept = responseHeaders;
      },
    );
    expect(kept).toEqual({ 'Content-Type': ['image/png'] });
  });

  it('File → Restore From Backup… restores the chosen file while the app runs, setting the current library aside', async () => {
    const handler = electron.ipcHandlers.get(IPC_CALL);
    if (!handler) throw new Error('no IPC handler');
    const asOwn = { senderFrame: { url: own, parent: null } };
    const call = (...args: unknown[]) => handler(asOwn, ...args) as Promise<unknown>;
    await call('loadSampleLibrary', []);
    const backup = (await call('backupLibrary', [])) as { value: { path: string } };
    await call('importOpml', ['<opml version="2.0"><body><outline text="Later" xmlUrl="https://later.example/feed"/></body></opml>']);
    const feedsBefore = ((await call('listFeeds', [])) as { value: unknown[] }).value.length;
    electron.dialogAnswers.openFile = backup.value.path;
    electron.dialogAnswers.messageBoxResponse = 0;
    await electron.clickMenu('Restore From Backup…');
    await vi.waitFor(
      async () => {
        const feeds = ((await call('listFeeds', [])) as { value: unknown[] }).value;
        expect(feeds).toHaveLength(feedsBefore - 1);
      },
      { timeout: 15_000 },
    );
    expect(electron.dialogAnswers.errors).toEqual([]);
    expect(fs.readdirSync(dataDir).some((name) => name.includes('before-restore'))).toBe(true);
  });

  it('closes the library when the app quits', async () => {
    electron.app.emit('will-quit');
    await vi.waitFor(() => expect(fs.existsSync(path.join(dataDir, 'broadsheet.db.clean'))).toBe(true));
  });
});
