import dns from 'node:dns';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { SystemLookup } from './name-resolver.ts';

/**
 * How names are looked up: the hosts file first, then the name servers through c-ares
 * (asynchronous, on no pool thread, with its own timeout, and cancellable), then — for
 * what those servers do not know — the system's getaddrinfo, which also knows mDNS and
 * per-domain VPN resolvers. getaddrinfo alone is what hangs: with no name server
 * answering, each call holds a libuv pool thread ~10–20 s and keeps its thread (and so
 * the process) from exiting until it gives up, with no way to cancel it.
 */
const DNS_TIMEOUT_MS = 1_000;
const DNS_TRIES = 2;

const servers = new dns.promises.Resolver({ timeout: DNS_TIMEOUT_MS, tries: DNS_TRIES });

export const hostsThenDnsLookup: SystemLookup = (hostname, options, callback) => {
  const fromHosts = hostsFile().get(hostname.toLowerCase());
  if (fromHosts) return callback(null, fromHosts);
  void askNameServers(hostname).then((answer) => {
    if (answer === 'silent') {
      callback(Object.assign(new Error(`no name server answered for ${hostname}`), { code: 'EAI_AGAIN', hostname }), []);
    } else if (answer.length > 0) {
      callback(null, answer);
    } else {
      dns.lookup(hostname, options, callback);
    }
  });
};

/** Ends lookups still waiting on the name servers (the thread is closing); they fail at once. */
export function cancelPendingLookups(): void {
  servers.cancel();
}

/** Addresses (IPv4 and IPv6 asked together), none when the servers do not know the name, or 'silent'. */
async function askNameServers(hostname: string): Promise<dns.LookupAddress[] | 'silent'> {
  const [v4, v6] = await Promise.allSettled([servers.resolve4(hostname), servers.resolve6(hostname)]);
  const addresses = [
    ...(v4.status === 'fulfilled' ? v4.value.map((address) => ({ address, family: 4 })) : []),
    ...(v6.status === 'fulfilled' ? v6.value.map((address) => ({ address, family: 6 })) : []),
  ];
  if (addresses.length > 0) return addresses;
  const silent = (r: PromiseSettledResult<unknown>) =>
    r.status === 'rejected' && ['ETIMEOUT', 'ECANCELLED', 'EDESTRUCTION'].includes((r.reason as NodeJS.ErrnoException).code ?? '');
  return silent(v4) && silent(v6) ? 'silent' : [];
}

const HOSTS_FILE =
  process.platform === 'win32' ? path.join(process.env.SystemRoot ?? 'C:\\Windows', 'System32', 'drivers', 'etc', 'hosts') : '/etc/hosts';
let hosts: { mtimeMs: number; names: Map<string, dns.LookupAddress[]> } | null = null;

/** The hosts file's names, read again when it changes. */
function hostsFile(): Map<string, dns.LookupAddress[]> {
  let mtimeMs = -1;
  try {
    mtimeMs = fs.statSync(HOSTS_FILE).mtimeMs;
  } catch {
    return new Map();
  }
  if (hosts?.mtimeMs === mtimeMs) return hosts.names;
  hosts = { mtimeMs, names: parseHostsFile(fs.readFileSync(HOSTS_FILE, 'utf8')) };
  return hosts.names;
}

export function parseHostsFile(text: string): Map<string, dns.LookupAddress[]> {
  const names = new Map<string, dns.LookupAddress[]>();
  for (const line of text.split(/\r?\n/)) {
    const [address, ...aliases] = (line.split('#')[0] ?? '').trim().split(/\s+/);
    const family = address ? net.isIP(address) : 0;
    if (!address || !family) continue;
    for (const alias of aliases) {
      const name = alias.toLowerCase();
      const known = names.get(name) ?? [];
      if (!known.some((a) => a.address === address)) known.push({ address, family });
      names.set(name, known);
    }
  }
  return names;
}
