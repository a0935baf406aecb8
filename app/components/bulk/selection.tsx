// The ticked rows of a list (issue 14 item 12). Each row's tick box belongs to the bulk bar's
// form through the `form` attribute, so without JavaScript the bar is a plain form that sends
// the ticked rows; with it, the bar shows once a row is ticked and "tick every row shown" works.
import { useState } from "react";
import { useT } from "~/i18n";
import { useHydrated } from "~/components/use-hydrated";

export type Selection = {
  /** Whether the page runs with JavaScript (the bar may hide, "tick all" exists). */
  hydrated: boolean;
  ticked: ReadonlySet<string>;
  toggle: (uuid: string, on: boolean) => void;
  setAll: (on: boolean) => void;
};

/** The rows shown (their UUIDs) and those ticked when the page came (a refused bulk change keeps them). */
export function useSelection(shown: readonly string[], initial: readonly string[]): Selection {
  const hydrated = useHydrated();
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set(initial.filter((uuid) => shown.includes(uuid))));
  return {
    hydrated,
    ticked,
    toggle: (uuid, on) =>
      setTicked((before) => {
        const next = new Set(before);
        if (on) next.add(uuid);
        else next.delete(uuid);
        return next;
      }),
    setAll: (on) => setTicked(new Set(on ? shown : [])),
  };
}

/** One row's tick box, named like the field the bulk forms read (`session` or `speaker`). */
export function RowTick({ selection, form, name, value, label }: { selection: Selection; form: string; name: string; value: string; label: string }) {
  return (
    <input
      type="checkbox"
      className="bulk-tick"
      form={form}
      name={name}
      value={value}
      aria-label={label}
      checked={selection.ticked.has(value)}
      onChange={(event) => selection.toggle(value, event.currentTarget.checked)}
      data-testid="bulk-tick"
    />
  );
}

/** The header cell: "tick every row shown" (with JavaScript only: without it, nothing could tick them). */
export function TickAllHeader({ selection, count }: { selection: Selection; count: number }) {
  const t = useT();
  const all = count > 0 && selection.ticked.size === count;
  return (
    <th scope="col" className="bulk-tick-cell">
      {selection.hydrated ? (
        <input type="checkbox" className="bulk-tick" aria-label={t("bulk.selectAll")} checked={all} onChange={(event) => selection.setAll(event.currentTarget.checked)} data-testid="bulk-tick-all" />
      ) : (
        <span className="visually-hidden">{t("bulk.bar")}</span>
      )}
    </th>
  );
}

/** How many rows are ticked, said when it changes (with JavaScript; without it the browser shows the boxes). */
export function SelectedCount({ selection }: { selection: Selection }) {
  const t = useT();
  return selection.hydrated ? (
    <p role="status" className="bulk-count" data-testid="bulk-count">
      {t("bulk.selected", { count: selection.ticked.size })}
    </p>
  ) : null;
}
