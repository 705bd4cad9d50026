import { type RefObject, useCallback, useEffect, useState } from 'react';

/** Rows drawn beyond the visible ones on each side, so fast scrolling never shows a gap. */
const OVERSCAN = 8;

/**
 * Which rows of a long, fixed-height list a scroll container shows. Only those are put in
 * the DOM, so 100,000 articles cost as much to draw as a screenful.
 */
export function useVirtualWindow(container: RefObject<HTMLElement | null>, count: number, rowHeight: number, offsetTop: number) {
  const [view, setView] = useState({ top: 0, height: 800 });

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const update = () => setView({ top: el.scrollTop, height: el.clientHeight });
    update();
    el.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, [container]);

  const first = Math.max(0, Math.floor((view.top - offsetTop) / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((view.top - offsetTop + view.height) / rowHeight) + OVERSCAN);

  /** Scrolls just enough to show row `index` (rows outside the window are not in the DOM to ask). */
  const scrollToIndex = useCallback(
    (index: number) => {
      const el = container.current;
      if (!el) return;
      const rowTop = offsetTop + index * rowHeight;
      if (rowTop < el.scrollTop + offsetTop) el.scrollTop = rowTop - offsetTop;
      else if (rowTop + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = rowTop + rowHeight - el.clientHeight;
    },
    [container, offsetTop, rowHeight],
  );

  return { first, last, scrollToIndex };
}
