import type { fetch as undiciFetch } from 'undici';
import { NameResolver } from './name-resolver.ts';

/**
 * The one HTTP client of the main process (feeds, article pages, pictures): Node's own
 * fetch engine (undici, the same version Node 24 bundles), with name resolution and
 * connecting bounded per host (see name-resolver.ts), so a host that cannot be found
 * or reached costs seconds, not a stalled pass.
 */
const CONNECT_TIMEOUT_MS = 8_000;

export const nameResolver = new NameResolver();

/**
 * Loaded on the first request, not with the module: most threads and commands that can
 * fetch never do (the UI thread, `status`), and undici costs each of them ~17 MB and
 * ~50 ms to load.
 */
let client: Promise<{ fetch: typeof undiciFetch; dispatcher: import('undici').Agent }> | null = null;

function loadClient() {
  client ??= import('undici').then(({ Agent, fetch }) => ({
    fetch,
    dispatcher: new Agent({ connect: { timeout: CONNECT_TIMEOUT_MS, lookup: nameResolver.lookup } }),
  }));
  return client;
}

export type HttpResponse = Awaited<ReturnType<typeof undiciFetch>>;

export async function httpFetch(
  url: string,
  init: { headers: Record<string, string>; redirect: 'manual'; signal: AbortSignal },
): Promise<HttpResponse> {
  const { fetch, dispatcher } = await loadClient();
  return fetch(url, { ...init, dispatcher });
}
