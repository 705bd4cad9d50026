import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Broadsheet';

/**
 * Where the library lives: `--data-dir DIR`, else BROADSHEET_DATA_DIR, else the
 * platform's per-user application data folder — the same folder Electron calls
 * `userData`, so the desktop app and browser mode share one library.
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, platformDefault?: string): string {
  const flag = flagValue(argv, '--data-dir');
  if (flag) return path.resolve(flag);
  if (env.BROADSHEET_DATA_DIR) return path.resolve(env.BROADSHEET_DATA_DIR);
  return platformDefault ?? defaultDataDir(env);
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

/** The value of `--name VALUE` or `--name=VALUE`, if given. */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === name) return argv[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}
