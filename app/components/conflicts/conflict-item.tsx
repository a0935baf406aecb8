// One conflict of the conflicts page: its facts, who acknowledged it and why, and (for
// editors) the forms that acknowledge it or withdraw the acknowledgement.
import { Form, Link, useNavigation } from "@remix-run/react";
import { TextAreaField } from "~/components/forms/field";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import type { Conflict } from "~/domain/conflicts";
import { useT, type MessageKey } from "~/i18n";
import { acknowledgeSchema } from "~/schemas/conflicts";
import type { FormFailure } from "~/utils/forms";

/** What the conflicts page's action answers. */
export type ConflictActionResult = { ok: true; done: "acknowledged" | "withdrawn"; key?: string } | (FormFailure & { key?: string; message?: MessageKey });

/** A conflict as the page's loader sends it (names resolved, texts in the reader's language). */
export type ConflictItemView = {
  key: string;
  rule: Conflict["rule"];
  level: Conflict["level"];
  acknowledged: boolean;
  acknowledgement: { id: string; by: string | null; reason: string; at: number; date: string } | null;
  message: string;
  when: string | null;
  sessions: { id: string; title: string }[];
  people: { id: string; name: string }[];
  rooms: { id: string; name: string }[];
};

export function ConflictItem({ item, base, canWrite, result }: { item: ConflictItemView; base: string; canWrite: boolean; result: ConflictActionResult | undefined }) {
  const t = useT();
  const navigation = useNavigation();
  const mine = result && !result.ok && result.key === item.key ? result : undefined;
  const busy = navigation.state === "submitting" && navigation.formData?.get("key") === item.key;
  return (
    <li className={`conflict conflict-${item.level}${item.acknowledged ? " conflict-acknowledged" : ""}`} data-key={item.key}>
      <p className="conflict-message">{item.message}</p>
      <dl className="conflict-facts">
        {item.when ? (
          <div>
            <dt>{t("conflicts.when")}</dt>
            <dd>{item.when}</dd>
          </div>
        ) : null}
        {item.sessions.length > 0 ? (
          <div>
            <dt>{t("conflicts.sessions")}</dt>
            <dd>
              {item.sessions.map((session, i) => (
                <span key={session.id}>
                  {i > 0 ? ", " : null}
                  <Link to={`${base}/sessions/${session.id}`}>{session.title}</Link>
                </span>
              ))}
            </dd>
          </div>
        ) : null}
        {item.people.length > 0 ? (
          <div>
            <dt>{t("conflicts.people")}</dt>
            <dd>
              {item.people.map((person, i) => (
                <span key={person.id}>
                  {i > 0 ? ", " : null}
                  <Link to={`${base}/speakers/${person.id}`}>{person.name}</Link>
                </span>
              ))}
            </dd>
          </div>
        ) : null}
        {item.rooms.length > 0 ? (
          <div>
            <dt>{t("conflicts.rooms")}</dt>
            <dd>
              {item.rooms.map((room, i) => (
                <span key={room.id}>
                  {i > 0 ? ", " : null}
                  <Link to={`${base}/rooms/${room.id}`}>{room.name}</Link>
                </span>
              ))}
            </dd>
          </div>
        ) : null}
      </dl>
      {item.acknowledgement ? (
        <div className="conflict-acknowledgement">
          <p>
            {item.acknowledgement.by
              ? t("conflicts.acknowledgedBy", { name: item.acknowledgement.by, date: item.acknowledgement.date, reason: item.acknowledgement.reason })
              : t("conflicts.acknowledgedByUnknown", { date: item.acknowledgement.date, reason: item.acknowledgement.reason })}
          </p>
          {canWrite ? (
            <Form method="post">
              <input type="hidden" name="intent" value="withdraw" />
              <input type="hidden" name="acknowledgementId" value={item.acknowledgement.id} />
              <input type="hidden" name="key" value={item.key} />
              <button type="submit" className="button button-small" disabled={busy}>
                {t("conflicts.withdraw")}
              </button>
            </Form>
          ) : null}
        </div>
      ) : canWrite ? (
        <AcknowledgeForm conflictKey={item.key} failure={mine} busy={busy} />
      ) : null}
    </li>
  );
}

function AcknowledgeForm({ conflictKey, failure, busy }: { conflictKey: string; failure: (FormFailure & { key?: string }) | undefined; busy: boolean }) {
  const t = useT();
  const typed = typeof failure?.values.reason === "string" ? failure.values.reason : "";
  const { form, onSubmit, errorOf } = useValidatedForm(acknowledgeSchema, {
    defaultValues: { intent: "acknowledge", key: conflictKey, reason: typed },
    serverErrors: failure?.errors,
  });
  return (
    <details className="conflict-acknowledge" open={failure ? true : undefined}>
      <summary>{t("conflicts.acknowledge")}</summary>
      <Form method="post" onSubmit={onSubmit} noValidate className="stack">
        <input type="hidden" value="acknowledge" {...form.register("intent")} />
        <input type="hidden" value={conflictKey} {...form.register("key")} />
        <TextAreaField
          label={t("conflicts.reason")}
          hint={t("conflicts.reasonHint")}
          rows={2}
          required
          defaultValue={typed}
          error={errorOf("reason")}
          {...form.register("reason")}
        />
        <button type="submit" className="button button-small button-primary" disabled={busy}>
          {t("conflicts.confirmAcknowledge")}
        </button>
      </Form>
    </details>
  );
}
