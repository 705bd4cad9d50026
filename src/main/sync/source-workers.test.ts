import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sourceWorkerUrls } from './source-workers.ts';

/**
 * Durability rule 12: no thread but the main one runs WebAssembly. Started from the
 * sources, the sync and reader threads run a JavaScript bundle, never the TypeScript
 * files (whose types Node strips with a wasm module).
 */
describe('the worker threads from the sources', () => {
  it('run bundled JavaScript that imports no TypeScript file', async () => {
    const urls = await sourceWorkerUrls();
    for (const url of [urls.sync, urls.reader]) {
      const file = fileURLToPath(url);
      expect(file).toMatch(/node_modules\/\.cache\/broadsheet-workers\/[0-9a-f]{16}\/(sync|reader)-worker\.js$/);
      const dir = file.slice(0, file.lastIndexOf('/'));
      for (const name of fs.readdirSync(dir)) {
        expect(name.endsWith('.js')).toBe(true);
        expect(fs.readFileSync(`${dir}/${name}`, 'utf8')).not.toMatch(/from\s*["'][^"']+\.ts["']|import\(\s*["'][^"']+\.ts["']/);
      }
    }
    // The same sources give the same bundle, not a new one per start.
    expect((await sourceWorkerUrls()).sync.href).toBe(urls.sync.href);
  });
});
