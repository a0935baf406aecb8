import type { Level } from "~/domain/conflicts";
import { useT } from "~/i18n";
import { Icon } from "./icon";

/** A conflict level as a word with a shape, never colour alone. */
export function LevelBadge({ level }: { level: Exclude<Level, "off"> }) {
  const t = useT();
  return (
    <span className={`level level-${level}`}>
      <Icon name={level} /> {t(`level.${level}`)}
    </span>
  );
}
