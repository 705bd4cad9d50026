import dns from 'node:dns';
import { describe, expect, it } from 'vitest';
import { NameResolver, type SystemLookup } from './name-resolver.ts';

/** A system resolver whose name servers never answer: lookups hang until released. */
function silentSystem() {
  const hung: (() => void)[] = [];
  const asked: string[] = [];
  const lookup: SystemLookup = (hostname, _options, callback) => {
    asked.push(hostname);
    hung.push(() => callback(Object.assign(new Error('timeout'), { code: 'EAI_AGAIN' }), []));
  };
  return {
    lookup,
    asked,
    releaseAll: () => {
      for (const answer of hung.splice(0)) answer();
    },
  };
}

describe('name resolution with bounds', () => {
  it('fails a lookup no name server answers as offline, then every other at once, holding at most two pool threads', async () => {
    const system = silentSystem();
    const resolver = new NameResolver({ timeoutMs: 50, systemLookup: system.lookup });
    const hosts = Array.from({ length: 73 }, (_, i) => `pictures-${i}.example`);
    const results = await Promise.allSettled(hosts.map((host) => resolver.resolve(host)));
    expect(results.every((r) => r.status === 'rejected' && (r.reason as NodeJS.ErrnoException).code === 'EAI_AGAIN')).toBe(true);
    expect((results[5] as PromiseRejectedResult).reason.message).toMatch(/no name server answered for pictures-5\.example/);
    // Two lookups reached the system; the other 71 were answered from "the servers are quiet".
    expect(system.asked).toHaveLength(2);
    system.releaseAll();
  });

  it('asks again once the quiet period is over', async () => {
    let clock = 0;
    const system = silentSystem();
    const resolver = new NameResolver({ timeoutMs: 20, quietMs: 1_000, systemLookup: system.lookup, now: () => clock });
    await expect(resolver.resolve('a.example')).rejects.toMatchObject({ code: 'EAI_AGAIN' });
    system.releaseAll();
    await expect(resolver.resolve('b.example')).rejects.toMatchObject({ code: 'EAI_AGAIN' });
    expect(system.asked).toEqual(['a.example']);
    clock = 2_000;
    const answered = new NameResolver({ systemLookup: (_h, _o, cb) => cb(null, [{ address: '192.0.2.7', family: 4 }]) });
    expect(await answered.resolve('b.example')).toEqual([{ address: '192.0.2.7', family: 4 }]);
    await expect(resolver.resolve('c.example')).rejects.toMatchObject({ code: 'EAI_AGAIN' });
    expect(system.asked).toEqual(['a.example', 'c.example']);
    system.releaseAll();
  });

  it('asks once per host, remembers "no such host", and needs no name server for addresses or localhost', async () => {
    const asked: string[] = [];
    const resolver = new NameResolver({
      systemLookup: (hostname, _options, callback) => {
        asked.push(hostname);
        if (hostname === 'nowhere.example') return callback(Object.assign(new Error('nx'), { code: 'ENOTFOUND' }), []);
        dns.lookup(hostname, { all: true }, callback);
      },
    });
    await Promise.all([resolver.resolve('localhost'), resolver.resolve('localhost'), resolver.resolve('LOCALHOST')]);
    await expect(resolver.resolve('nowhere.example')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(resolver.resolve('nowhere.example')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    expect(await resolver.resolve('127.0.0.1')).toEqual([{ address: '127.0.0.1', family: 4 }]);
    expect(await resolver.resolve('[::1]')).toEqual([{ address: '::1', family: 6 }]);
    expect(asked).toEqual(['nowhere.example']);
  });

  it('answers net.connect in the shape it asks for', async () => {
    const resolver = new NameResolver({
      systemLookup: (_h, _o, cb) =>
        cb(null, [
          { address: '::1', family: 6 },
          { address: '127.0.0.1', family: 4 },
        ]),
    });
    const one = await new Promise((resolve) => resolver.lookup('x.example', { family: 4 }, (...args) => resolve(args)));
    expect(one).toEqual([null, '127.0.0.1', 4]);
    const all = await new Promise((resolve) => resolver.lookup('x.example', { all: true }, (...args) => resolve(args)));
    expect(all).toEqual([
      null,
      [
        { address: '::1', family: 6 },
        { address: '127.0.0.1', family: 4 },
      ],
    ]);
  });
});
