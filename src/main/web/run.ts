/**
 * `npm run web -- [--port N] [--data-dir DIR] [--no-open]`: browser mode.
 * Serves the built renderer and the API on 127.0.0.1 until SIGINT or SIGTERM.
 */
import { flagValue, resolveDataDir } from '../data-dir.ts';
import { NewsService } from '../library/news-service.ts';
import { RENDERER_DIST_DIR, RESOURCES_DIR } from '../repo-paths.ts';
import { openAppWindow } from './open-app-window.ts';
import { startWebShell } from './server.ts';

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log('Usage: npm run web -- [--port N] [--data-dir DIR] [--no-open]');
  process.exit(0);
}
const portFlag = flagValue(argv, '--port');
const port = portFlag === undefined ? 0 : Number(portFlag);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`broadsheet: --port must be a number from 0 to 65535, not “${portFlag}”`);
  process.exit(2);
}

let service: NewsService;
try {
  service = new NewsService({ dataDir: resolveDataDir(argv), resourcesDir: RESOURCES_DIR });
} catch (error) {
  console.error(`broadsheet: ${(error as Error).message}`);
  process.exit(1);
}

try {
  const shell = await startWebShell({ service, rendererDir: RENDERER_DIST_DIR, port });
  console.log(`Broadsheet is running at ${shell.url}`);
  service.startBackgroundSync();
  if (!argv.includes('--no-open')) console.log(openAppWindow(shell.url, service.dataDir));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Broadsheet is stopping (${signal}).`);
    await shell.close();
    await service.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  await service.close();
  const err = error as NodeJS.ErrnoException;
  console.error(`broadsheet: ${err.code === 'EADDRINUSE' ? `port ${port} is already in use` : err.message}`);
  process.exit(1);
}
