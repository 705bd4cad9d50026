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
  for (const method of NEWS_METHODS) bridge[method] = (...args: unknown[]) => call(method, withoutTrailingUndefined(args));
  return bridge as unknown as NewsBridge;
}

/** Omitted optional arguments must stay omitted: JSON would turn `undefined` into `null`. */
function withoutTrailingUndefined(args: unknown[]): unknown[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return args.slice(0, end);
}
