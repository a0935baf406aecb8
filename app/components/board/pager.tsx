// The board's pagers (a big edition): which rooms the grid shows, which part of the tray is
// listed. Plain links that keep the rest of the board's query, so they work without JavaScript
// and from the keyboard like any link.
import { Link, useSearchParams } from "@remix-run/react";
import type { PageView } from "~/domain/board/pages";
import { useT } from "~/i18n";

const PARAMS = { rooms: "roomPage", tray: "trayPage", conflicts: "conflictPage" } as const;

export function BoardPager({ kind, page }: { kind: keyof typeof PARAMS; page: PageView | null }) {
  const t = useT();
  const [search] = useSearchParams();
  if (!page) return null;
  const href = (n: number) => {
    const next = new URLSearchParams(search);
    // The notice of a change made without JavaScript belongs to the page it was made on.
    next.delete("saved");
    // Other rooms, other conflicts: the panel's list starts again.
    if (kind === "rooms") next.delete(PARAMS.conflicts);
    if (n > 1) next.set(PARAMS[kind], String(n));
    else next.delete(PARAMS[kind]);
    return `?${next.toString()}`;
  };
  return (
    <nav className="board-pager" aria-label={t(`pages.${kind}.label`)} data-testid={`${kind}-pager`}>
      <p className="board-pager-range">{t(`pages.${kind}.range`, { first: page.first, last: page.last, total: page.total })}</p>
      <ul>
        {page.page > 1 ? (
          <li>
            <Link to={href(page.page - 1)} rel="prev" preventScrollReset discover="none">
              {`‹ ${t(`pages.${kind}.previous`)}`}
            </Link>
          </li>
        ) : null}
        {page.ranges.map(([first, last], i) => (
          <li key={first}>
            <Link to={href(i + 1)} aria-current={i + 1 === page.page ? "page" : undefined} preventScrollReset discover="none">
              {first === last ? String(first) : `${first}–${last}`}
            </Link>
          </li>
        ))}
        {page.page < page.pages ? (
          <li>
            <Link to={href(page.page + 1)} rel="next" preventScrollReset discover="none">
              {`${t(`pages.${kind}.next`)} ›`}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
