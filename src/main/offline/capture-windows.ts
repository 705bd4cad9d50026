const DAY_MS = 24 * 60 * 60 * 1000;

/** New articles get their page read while they are news; older ones only when bookmarked. */
export const FULL_TEXT_WINDOW_MS = 3 * DAY_MS;
/** Pictures are kept for articles this recent (and for bookmarks, whatever their age). */
export const IMAGE_WINDOW_MS = 14 * DAY_MS;
/**
 * An article older than both windows when it arrives (a new feed's archive) has nothing
 * for capture to do unless it is bookmarked: the writer stores it as settled, so no
 * later statement has to rewrite its row (a row rewrite copies its whole body).
 */
export const CAPTURE_WINDOW_MS = Math.max(FULL_TEXT_WINDOW_MS, IMAGE_WINDOW_MS);
