import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { rendererFile, rendererMime } from '../renderer-files.ts';
import { CONTENT_SECURITY_POLICY } from '../web/security.ts';

/**
 * The renderer is served from `app://broadsheet/`, a privileged standard scheme, rather
 * than file://: it gets a real origin (so IPC senders can be checked) and real headers
 * (so the CSP applies to every response).
 */
export const APP_ORIGIN = 'app://broadsheet';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
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
