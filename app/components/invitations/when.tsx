import { formatLocalDate } from "~/domain/format";
import { localDate, localTime } from "~/domain/time";
import { useLocale } from "~/i18n";

/** An instant shown as a date and time in the edition's zone (same text on server and browser). */
export function When({ at, timeZone }: { at: number | null; timeZone: string }) {
  const locale = useLocale();
  if (at === null) return <>—</>;
  return (
    <time dateTime={new Date(at).toISOString()}>
      {formatLocalDate(localDate(at, timeZone), locale)}, {localTime(at, timeZone)}
    </time>
  );
}
