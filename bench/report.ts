/** Small helpers for printing benchmark figures consistently. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

export function line(label: string, value: string, goal?: string): void {
  console.log(`  ${label.padEnd(44)} ${value.padStart(14)}${goal ? `   ${goal}` : ''}`);
}

export const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
export const s = (n: number) => `${(n / 1000).toFixed(2)} s`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');
