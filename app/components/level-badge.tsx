import type { Level } from "~/domain/conflicts";
import { useT } from "~/i18n";

const ICONS: Record<Exclude<Level, "off">, string> = { block: "⛔", error: "✖", warning: "⚠", info: "ℹ" };

/** A conflict level as a word with a shape, never colour alone. */
export function LevelBadge({ level }: { level: Exclude<Level, "off"> }) {
  const t = useT();
  return (
    <span className={`level level-${level}`}>
      <span aria-hidden="true">{ICONS[level]}</span> {t(`level.${level}`)}
    </span>
  );
}
