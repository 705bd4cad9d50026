import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface ProcessRun {
  ms: number;
  /** Peak resident memory of the whole process (all its threads), as the OS counts it. */
  peakRssBytes: number | null;
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command as a whole process and times it from spawn to exit, sampling the
 * kernel's high-water mark of its resident memory (VmHWM in /proc, Linux only) until it
 * exits: what `/usr/bin/time -f %M` reports, without needing that package.
 */
export function timeProcess(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env: options.env ?? process.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    let peak: number | null = null;
    const sample = () => {
      try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
        if (Number.isFinite(kb) && kb > 0) peak = Math.max(peak ?? 0, kb * 1024);
      } catch {
        // Not Linux, or the process has just exited.
      }
    };
    const sampler = setInterval(sample, 20);
    child.once('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.once('exit', (code) => {
      clearInterval(sampler);
      resolve({ ms: performance.now() - started, peakRssBytes: peak, code, stdout, stderr });
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
