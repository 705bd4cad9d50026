import type dns from 'node:dns';
import net from 'node:net';
import { hostsThenDnsLookup } from './system-lookup.ts';

/**
 * Name resolution with bounds (how names are asked: system-lookup.ts). Where no name
 * server answers, a plain getaddrinfo hangs for ten seconds or more on one of libuv's
 * four pool threads, which also serve file writes and decompression.
 * Measured from outside (issue 10): capture of 80 pages whose pictures lived on 73
 * hosts took 67–71 s instead of 7 s. So:
 * - a lookup gets `timeoutMs`, after which it fails as "offline" (EAI_AGAIN);
 * - one that timed out (or that the system failed with EAI_AGAIN) means the name
 *   servers are not answering: every lookup in the next `quietMs` fails at once the
 *   same way, as when the network is gone;
 * - at most `concurrency` lookups run at once, so hung ones never hold all pool threads;
 * - answers (and "no such host") are kept for `cacheMs`, so a pass asks once per host.
 */

export type SystemLookup = (
  hostname: string,
  options: dns.LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void,
) => void;

export interface NameResolverOptions {
  timeoutMs?: number;
  quietMs?: number;
  concurrency?: number;
  cacheMs?: number;
  /** The system's resolver; tests may hand in a stand-in for one that never answers. */
  systemLookup?: SystemLookup;
  now?: () => number;
}

const LOOPBACK: dns.LookupAddress[] = [
  { address: '127.0.0.1', family: 4 },
  { address: '::1', family: 6 },
];

type Answer = { addresses: dns.LookupAddress[] } | { error: NodeJS.ErrnoException };

/** The `lookup` signature `net.connect` (and so `http.request`) calls. */
export type ConnectLookup = (
  hostname: string,
  options: dns.LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void,
) => void;

export class NameResolver {
  private readonly timeoutMs: number;
  private readonly quietMs: number;
  private readonly concurrency: number;
  private readonly cacheMs: number;
  private readonly systemLookup: SystemLookup;
  private readonly now: () => number;
  private readonly cache = new Map<string, { answer: Answer; until: number }>();
  private readonly inFlight = new Map<string, Promise<Answer>>();
  private readonly waiting: ((gotSlot: boolean) => void)[] = [];
  private running = 0;
  private silentUntil = 0;

  constructor(options: NameResolverOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.quietMs = options.quietMs ?? 30_000;
    this.concurrency = options.concurrency ?? 2;
    this.cacheMs = options.cacheMs ?? 60_000;
    this.systemLookup = options.systemLookup ?? hostsThenDnsLookup;
    this.now = options.now ?? Date.now;
  }

  /** Addresses for a host name, or a `dns`-style error (`EAI_AGAIN` when no name server answered in time). */
  async resolve(hostname: string): Promise<dns.LookupAddress[]> {
    const answer = await this.answer(hostname.toLowerCase());
    if ('error' in answer) throw answer.error;
    return answer.addresses;
  }

  /** For `net.connect({ lookup })`: answers in the shape the caller asked for (one address or all). */
  readonly lookup: ConnectLookup = (hostname, options, callback) => {
    this.resolve(hostname).then(
      (all) => {
        const wanted = options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
        const first = wanted[0];
        if (options.all) callback(null, wanted);
        else if (first) callback(null, first.address, first.family);
        else callback(lookupError('ENOTFOUND', hostname, `no address of the asked family for ${hostname}`), '');
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };

  private answer(hostname: string): Promise<Answer> {
    // Literal addresses need no name server; neither does the machine itself (localhost
    // is always loopback, as browsers treat it).
    const literal = hostname.replace(/^\[|\]$/g, '');
    const family = net.isIP(literal);
    if (family) return Promise.resolve({ addresses: [{ address: literal, family }] });
    if (hostname === 'localhost' || hostname.endsWith('.localhost')) return Promise.resolve({ addresses: LOOPBACK });
    const cached = this.cache.get(hostname);
    if (cached && cached.until > this.now()) return Promise.resolve(cached.answer);
    if (this.now() < this.silentUntil) return Promise.resolve({ error: silent(hostname) });
    let pending = this.inFlight.get(hostname);
    if (!pending) {
      pending = this.ask(hostname).finally(() => this.inFlight.delete(hostname));
      this.inFlight.set(hostname, pending);
    }
    return pending;
  }

  private async ask(hostname: string): Promise<Answer> {
    // Waiting for a slot ends early when the name servers are found quiet meanwhile.
    if (!(await this.slot())) return { error: silent(hostname) };
    const system = new Promise<Answer>((resolve) => {
      this.systemLookup(hostname, { all: true }, (error, addresses) => resolve(error ? { error } : { addresses }));
    });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), this.timeoutMs);
    });
    const answer = await Promise.race([system, timedOut]);
    clearTimeout(timer);
    if (answer === null) {
      this.quiet();
      // The slot is held until the system answers, however late: a hung lookup keeps
      // its pool thread, and letting more start would pile them up.
      void system.finally(() => this.release());
      return { error: silent(hostname) };
    }
    // The system saying its name servers did not answer is the same news.
    if ('error' in answer && answer.error.code === 'EAI_AGAIN') this.quiet();
    // A temporary failure is not worth remembering; an answer, or "no such host", is.
    else if (!('error' in answer) || answer.error.code === 'ENOTFOUND')
      this.cache.set(hostname, { answer, until: this.now() + this.cacheMs });
    this.release();
    return 'error' in answer && answer.error.code === 'EAI_AGAIN' ? { error: silent(hostname) } : answer;
  }

  /** The name servers are not answering: for a while, every lookup fails at once. */
  private quiet(): void {
    this.silentUntil = this.now() + this.quietMs;
    for (const waiter of this.waiting.splice(0)) waiter(false);
  }

  /** Takes a lookup slot (true), or learns while waiting that the name servers are quiet (false). */
  private async slot(): Promise<boolean> {
    while (this.running >= this.concurrency) {
      if (!(await new Promise<boolean>((resolve) => this.waiting.push(resolve)))) return false;
    }
    if (this.now() < this.silentUntil) return false;
    this.running++;
    return true;
  }

  private release(): void {
    this.running--;
    this.waiting.shift()?.(true);
  }
}

function silent(hostname: string): NodeJS.ErrnoException {
  return lookupError('EAI_AGAIN', hostname, `no name server answered for ${hostname} (offline?)`);
}

function lookupError(code: string, hostname: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code, hostname, syscall: 'getaddrinfo' });
}
