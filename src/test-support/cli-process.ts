import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../main/repo-paths.ts';

/** The command line as a person runs it: a child process, its exit code and what it printed. */
export function runCli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'src/main/cli.ts'), ...args], { encoding: 'utf8', cwd: REPO_ROOT });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
