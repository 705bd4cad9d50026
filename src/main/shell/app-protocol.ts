import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { IMAGE_CACHE_PATH } from '../../shared/image-sources.ts';
import { rendererFile, rendererMime } from '../renderer-files.ts';
import { CONTENT_SECURITY_POLICY, cachedImageHeaders } from '../web/security.ts';

/** Finds a cached picture by key (NewsService.cachedImage). */
export type CachedImageLookup = (key: string) => { file: string; contentType: string } | null;

/**
 * The renderer is served from `app://broadsheet/`, a privileged standard scheme, rather
 * than file://: it gets a real origin (so IPC senders can be checked) and real headers
 * (so the CSP applies to every response).
 */
export const APP_ORIGIN = 'app://broadsheet';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the renderer's files and, under /image-cache/, the offline picture cache. */
export function serveRenderer(rendererDir: string, cachedImage: CachedImageLookup): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host === 'broadsheet' && url.pathname.startsWith(IMAGE_CACHE_PATH)) {
      const image = cachedImage(url.pathname.slice(IMAGE_CACHE_PATH.length));
      const body = image ? await fs.readFile(image.file).catch(() => null) : null;
      if (!image || !body) return new Response('Not in the image cache', { status: 404 });
      return new Response(body, { headers: cachedImageHeaders(image.contentType) });
    }
    const file = url.host === 'broadsheet' ? rendererFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Forbidden', { status: 403 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        headers: {
          'content-type': rendererMime(file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
