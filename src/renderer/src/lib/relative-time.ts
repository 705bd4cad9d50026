/** "just now", "5 minutes ago", "4 days ago" — the seed page's style of time. */
export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (!Number.isFinite(seconds)) return '';
  if (seconds < 45) return 'just now';
  const units: [number, string][] = [
    [60, 'minute'],
    [3600, 'hour'],
    [86400, 'day'],
    [604800, 'week'],
    [2629800, 'month'],
    [31557600, 'year'],
  ];
  let chosen: [number, string] = [60, 'minute'];
  for (const unit of units) if (Math.abs(seconds) >= unit[0] * 0.95) chosen = unit;
  const count = Math.max(1, Math.round(Math.abs(seconds) / chosen[0]));
  const label = `${count} ${chosen[1]}${count === 1 ? '' : 's'}`;
  return seconds < 0 ? `in ${label}` : `${label} ago`;
}
