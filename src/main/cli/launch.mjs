// `npm run cli -- …`: the command line, run from its bundle (see source-bundle.mjs)
// rather than from the TypeScript sources. Plain JavaScript, so this process never
// loads Node's type stripper: measured on the reference corpus, a command started
// ~0.1 s sooner and the process held ~30 MB less (a warm sync is over in well under a
// second, so that is a sixth of it). The bundle is rebuilt when the sources change.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sourceBundle } from '../source-bundle.mjs';

// A checkout whose node_modules cannot be written (or a bundler that fails) still has a
// command line: the sources themselves, as `node src/main/cli.ts` runs them.
const entry = await sourceBundle().then(
  (dir) => pathToFileURL(path.join(dir, 'cli.js')).href,
  () => new URL('../cli.ts', import.meta.url).href,
);
await import(entry);
