import {
  ApiError,
  type CallResult,
  NEWS_EVENT_NAMES,
  type NewsBridge,
  type NewsEventName,
  type NewsEvents,
  unwrapResult,
} from '../../../shared/api.ts';
import { makeBridge } from '../../../shared/bridge.ts';

/**
 * Browser mode's `window.news`: the same contract over the loopback web shell. The
 * session cookie set when the tokened address was opened authenticates every call.
 */
export function createWebClient(): NewsBridge {
  const listeners = new Map<NewsEventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  const ensureEvents = () => {
    if (source) return;
    source = new EventSource('/api/events');
    for (const name of NEWS_EVENT_NAMES) {
      source.addEventListener(name, (event) => {
        const payload = JSON.parse((event as MessageEvent<string>).data) as unknown;
        for (const listener of listeners.get(name) ?? []) listener(payload);
      });
    }
  };

  const call = async (method: string, args: unknown[]): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch('/api/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method, args }),
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError('internal', 'Broadsheet’s background service is not answering. Is it still running?');
    }
    if (response.status === 401 || response.status === 403) {
      throw new ApiError('internal', 'This page is not authorized: open the address Broadsheet printed when it started.');
    }
    return unwrapResult((await response.json()) as CallResult);
  };

  return makeBridge(call, <E extends NewsEventName>(event: E, listener: (payload: NewsEvents[E]) => void) => {
    ensureEvents();
    const set = listeners.get(event) ?? new Set();
    set.add(listener as (payload: unknown) => void);
    listeners.set(event, set);
    return () => {
      set.delete(listener as (payload: unknown) => void);
    };
  });
}
