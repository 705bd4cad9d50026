import { NEWS_METHODS, type NewsBridge, type NewsEventName, type NewsEvents } from './api.ts';

type Call = (method: string, args: unknown[]) => Promise<unknown>;
type Subscribe = <E extends NewsEventName>(event: E, listener: (payload: NewsEvents[E]) => void) => () => void;

/**
 * Builds `window.news` from a transport: one forwarding function per contract method,
 * plus event subscription. The preload (IPC) and browser mode (HTTP) both use it, so
 * the two shells cannot expose different APIs.
 */
export function makeBridge(call: Call, on: Subscribe): NewsBridge {
  const bridge: Record<string, unknown> = { on };
  for (const method of NEWS_METHODS) bridge[method] = (...args: unknown[]) => call(method, args);
  return bridge as unknown as NewsBridge;
}
