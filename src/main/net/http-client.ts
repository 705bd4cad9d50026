import { Agent, fetch as undiciFetch } from 'undici';
import { NameResolver } from './name-resolver.ts';

/**
 * The one HTTP client of the main process (feeds, article pages, pictures): Node's own
 * fetch engine (undici, the same version Node 24 bundles), with name resolution and
 * connecting bounded per host (see name-resolver.ts), so a host that cannot be found
 * or reached costs seconds, not a stalled pass.
 */
const CONNECT_TIMEOUT_MS = 8_000;

export const nameResolver = new NameResolver();

const agent = new Agent({
  connect: { timeout: CONNECT_TIMEOUT_MS, lookup: nameResolver.lookup },
});

export type HttpResponse = Awaited<ReturnType<typeof undiciFetch>>;

export function httpFetch(
  url: string,
  init: { headers: Record<string, string>; redirect: 'manual'; signal: AbortSignal },
): Promise<HttpResponse> {
  return undiciFetch(url, { ...init, dispatcher: agent });
}
