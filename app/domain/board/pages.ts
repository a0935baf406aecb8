// The board of a big edition in pages: a day shows a page of rooms (columns), a page of the tray
// and a page of the panel's conflicts, so that the page a browser receives stays small whatever
// the edition's size (an online FOSDEM has over a hundred rooms and 400 sessions a day). Small
// editions never see a pager: pages start above one page's size.

/** Rooms shown side by side; an edition with no more rooms than this shows them all, as before. */
export const ROOMS_PER_PAGE = 12;
/**
 * Sessions a page of rooms shows at most (a room with more than that has a page of its own):
 * a card, with its details popover and its conflicts, weighs 4 to 5 KB of HTML and data.
 */
export const CARDS_PER_PAGE = 45;
/** Unscheduled sessions listed at once in the tray. */
export const TRAY_PER_PAGE = 40;
/** Conflicts listed at once in the side panel (each comes with its acknowledgement form), when the rooms are paged. */
export const CONFLICTS_PER_PAGE = 30;

/** Where a page sits among the whole list: positions from 1, as the pager says them, and every page's. */
export type PageView = { page: number; pages: number; first: number; last: number; total: number; ranges: [first: number, last: number][] };

/**
 * Cuts a list into pages of at most `size` items and, when a weight is given, at most `budget`
 * of it (an item heavier than that alone on its page). Returns each page's first index.
 */
export function pageStarts<T>(items: readonly T[], size: number, weigh?: { of: (item: T) => number; budget: number }): number[] {
  const starts: number[] = [];
  let count = 0;
  let weight = 0;
  items.forEach((item, i) => {
    const w = weigh ? weigh.of(item) : 0;
    if (i === 0 || count >= size || (weigh && weight + w > weigh.budget && count > 0)) {
      starts.push(i);
      count = 0;
      weight = 0;
    }
    count++;
    weight += w;
  });
  return starts;
}

/**
 * The requested page of a list (clamped to the pages there are) and where it sits; `null` when the
 * whole list is one page.
 */
export function pageOf<T>(items: readonly T[], requested: number, starts: readonly number[]): { shown: T[]; page: PageView | null } {
  if (starts.length <= 1) return { shown: [...items], page: null };
  const pages = starts.length;
  const page = Math.min(Math.max(Number.isInteger(requested) ? requested : 1, 1), pages);
  const ranges = starts.map((start, i): [number, number] => [start + 1, i + 1 < pages ? starts[i + 1]! : items.length]);
  const [first, last] = ranges[page - 1]!;
  return { shown: items.slice(first - 1, last), page: { page, pages, first, last, total: items.length, ranges } };
}

/** A page number from a query string value: a positive integer, or the first page. */
export function pageNumber(value: string | null | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}
