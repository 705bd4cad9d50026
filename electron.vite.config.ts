import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

/**
 * Three builds: the Electron main process (src/main/index.ts), the preload (CommonJS,
 * because sandboxed preloads cannot be ES modules) and the React renderer. The CLI and
 * browser mode run the same main-process sources directly on Node 24, without a build.
 */
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          'sync-worker': resolve(import.meta.dirname, 'src/main/sync/sync-worker.ts'),
          'reader-worker': resolve(import.meta.dirname, 'src/main/sync/reader-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } },
    },
    oxc: { jsx: { runtime: 'automatic' } },
  },
});
