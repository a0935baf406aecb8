// Small inline SVG icons. A glyph never carries meaning alone: an icon either sits next to words
// that say the same (decorative, hidden from assistive technology) or carries its own text
// alternative (`label`, read by screen readers and shown as a tooltip).
import { createContext, useContext, type ReactElement, type ReactNode } from "react";
import type { Level } from "~/domain/conflicts";

export type IconName = Exclude<Level, "off"> | "acknowledged" | "pending" | "declined" | "undo" | "refused" | "details" | "move";

/** 16×16 paths, drawn with currentColor so the icon takes its text's colour. */
const SHAPES: Record<IconName, ReactElement> = {
  // An octagon with a bar: "no entry".
  block: (
    <>
      <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor" />
      <path d="M4 7h8v2H4z" fill="#fff" />
    </>
  ),
  // A circle with a cross.
  error: (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M5 5l6 6M11 5l-6 6" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
    </>
  ),
  // A triangle with an exclamation mark.
  warning: (
    <>
      <path d="M8 1l7.5 14H.5z" fill="currentColor" />
      <path d="M8 6v4" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
      <circle cx="8" cy="12.5" r="1" fill="#fff" />
    </>
  ),
  // A circle with an "i".
  info: (
    <>
      <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <circle cx="8" cy="4.8" r="1" fill="currentColor" />
      <path d="M8 7.5v4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </>
  ),
  acknowledged: <path d="M2.5 8.5l3.5 3.5 7.5-8" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />,
  // An hourglass.
  pending: <path d="M4 1.5h8M4 14.5h8M5 1.5c0 4 6 4 6 6.5s-6 2.5-6 6.5M11 1.5c0 4-6 4-6 6.5s6 2.5 6 6.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />,
  declined: <path d="M3.5 3.5l9 9M12.5 3.5l-9 9" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />,
  // A curved arrow turning back to the left.
  undo: <path d="M5.5 3L2 6.5 5.5 10M2.5 6.5H10a4 4 0 010 8H7" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />,
  // Three dots: "more about this".
  details: (
    <>
      <circle cx="3" cy="8" r="1.6" fill="currentColor" />
      <circle cx="8" cy="8" r="1.6" fill="currentColor" />
      <circle cx="13" cy="8" r="1.6" fill="currentColor" />
    </>
  ),
  // Four arrows: "put it elsewhere".
  move: <path d="M8 1v14M1 8h14M8 1L5.5 3.5M8 1l2.5 2.5M8 15l-2.5-2.5M8 15l2.5-2.5M1 8l2.5-2.5M1 8l2.5 2.5M15 8l-2.5-2.5M15 8l-2.5 2.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />,
  refused: (
    <>
      <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" strokeWidth="1.75" />
      <path d="M3.6 12.4l8.8-8.8" stroke="currentColor" strokeWidth="1.75" />
    </>
  ),
};

const SpriteContext = createContext(false);

/**
 * Every icon's shape once, for a page that draws many icons (the board): inside it an icon is a
 * `<use>` of its symbol, a few bytes where sixty cards used to repeat the same paths hundreds of
 * times. Elsewhere icons carry their paths.
 */
export function IconSprite({ children }: { children: ReactNode }) {
  return (
    <SpriteContext.Provider value={true}>
      <svg className="icon-sprite" aria-hidden="true" focusable="false">
        {(Object.keys(SHAPES) as IconName[]).map((name) => (
          <symbol key={name} id={`icon-${name}`} viewBox="0 0 16 16">
            {SHAPES[name]}
          </symbol>
        ))}
      </svg>
      {children}
    </SpriteContext.Provider>
  );
}

/**
 * An icon. Without `label` it is decorative (the words next to it say what it means); with
 * `label` the label is its text alternative: hidden text for screen readers, a tooltip for the eye.
 */
export function Icon({ name, label, className }: { name: IconName; label?: string; className?: string }) {
  const sprite = useContext(SpriteContext);
  const svg = (
    <svg className={`icon icon-${name}${className ? ` ${className}` : ""}`} viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
      {sprite ? <use href={`#icon-${name}`} /> : SHAPES[name]}
    </svg>
  );
  if (!label) return svg;
  return (
    <span className="icon-labelled" title={label}>
      {svg}
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
