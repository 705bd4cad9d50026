/**
 * At most `perHost` requests to one host at a time, however many feeds it serves:
 * politeness to publishers who host many feeds (and to our own loopback tests).
 */
export class HostLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();
  private readonly perHost: number;

  constructor(perHost = 2) {
    this.perHost = perHost;
  }

  async run<T>(url: string, task: () => Promise<T>): Promise<T> {
    const host = hostOf(url);
    while ((this.active.get(host) ?? 0) >= this.perHost) {
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(host) ?? [];
        queue.push(resolve);
        this.waiting.set(host, queue);
      });
    }
    this.active.set(host, (this.active.get(host) ?? 0) + 1);
    try {
      return await task();
    } finally {
      this.active.set(host, (this.active.get(host) ?? 1) - 1);
      this.waiting.get(host)?.shift()?.();
    }
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
