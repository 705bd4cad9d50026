/**
 * `npm start`: the desktop app where an Electron runtime is installed; otherwise says
 * why and falls back to browser mode (which opens a Chromium --app window if it can).
 * Extra arguments (e.g. --data-dir DIR) are passed on.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const bin = (name: string) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

const build = spawnSync(bin('electron-vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// The electron package records its downloaded binary in path.txt; without it there is no runtime.
const electronPathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
const command = fs.existsSync(electronPathFile)
  ? { file: bin('electron'), args: ['.', ...args] }
  : (() => {
      console.log(
        'Broadsheet: no Electron runtime is installed here (node_modules/electron/path.txt is missing — the Electron binary could not be downloaded).\n' +
          'Starting browser mode instead: the same app, served on 127.0.0.1.',
      );
      return { file: process.execPath, args: [path.join(root, 'src/main/web/run.ts'), ...args] };
    })();

const child = spawn(command.file, command.args, { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
