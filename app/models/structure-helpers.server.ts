// Small helpers shared by the structure models (rooms, themes, formats, slots).
import { and, eq, like, or } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Queryable } from "~/db/client.server";
import { slugify } from "~/domain/slug";

/** A slug from a name, unique in the edition: "atelier", then "atelier-2", "atelier-3"… (one query). */
export async function uniqueSlug(
  db: Queryable,
  table: SQLiteTable & { slug: SQLiteColumn; editionId: SQLiteColumn },
  { editionId, name }: { editionId: number; name: string },
): Promise<string> {
  const base = slugify(name) || "x";
  const taken = new Set(
    (
      await db
        .select({ slug: table.slug })
        .from(table)
        .where(and(eq(table.editionId, editionId), or(eq(table.slug, base), like(table.slug, `${base}-%`))))
        .all()
    ).map((row) => row.slug as string),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The outcome of a delete that may be refused because sessions still use the row. */
export type DeleteResult = { ok: true } | { ok: false; reason: "in_use"; sessions: number };
