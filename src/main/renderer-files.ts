import path from 'node:path';

/** Content types of the files the renderer build produces. */
export const RENDERER_MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function rendererMime(file: string): string {
  return RENDERER_MIME[path.extname(file)] ?? 'application/octet-stream';
}

/**
 * The file a request path names inside the renderer folder, or null when the path
 * is malformed or would leave the folder. Both shells serve the renderer through this.
 */
export function rendererFile(rendererDir: string, pathname: string): string | null {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // A NUL makes the file system calls throw (which would take the server down with it).
  if (relative.includes('\0')) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${relative === '/' ? '/index.html' : relative}`);
  return file.startsWith(root + path.sep) ? file : null;
}
