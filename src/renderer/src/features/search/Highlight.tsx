import type { ReactNode } from 'react';

/** Text with the searched words (and words they begin) marked, as the search matched them. */
export function Highlight({ text, query }: { text: string; query: string }) {
  const words = query.match(/[\p{L}\p{N}_]+/gu) ?? [];
  if (words.length === 0) return <>{text}</>;
  const pattern = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  const parts: ReactNode[] = text.split(pattern).map((part, i) =>
    // split() with one capture group puts the matches at odd indexes; the parts never reorder.
    // biome-ignore lint/suspicious/noArrayIndexKey: positions are the identity of these fragments
    i % 2 === 1 ? <mark key={i}>{part}</mark> : part,
  );
  return <>{parts}</>;
}
