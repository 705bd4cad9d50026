// A stand-in reader thread for the pool's tests (plain JavaScript: a thread must not run
// Node's WebAssembly type stripper, see docs/durability.md rule 12). It answers every
// feed job as read-and-failed with its address, except an address with "die" in it,
// which throws where nothing catches it, as a hostile input might.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (request) => {
  if (request.job?.url.includes('die')) throw new Error('hostile input');
  parentPort?.postMessage({
    id: request.id,
    result: { kind: 'failed', message: `read ${request.job?.url}`, retryAfterSeconds: null, gone: false, offline: false },
  });
});
