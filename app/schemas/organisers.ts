// The forms of the administration pages: organisers (create, edit, activate) and the
// admin's organisation (rename, grant or revoke an edition's access). Error messages
// are i18n keys (app/i18n/messages/organisers.ts and core/structure).
import { z } from "zod";
import { ORGANISER_ROLES, PARTNER_ROLES, type OrganiserRole } from "~/domain/vocabulary";
import { newPasswordSchema } from "./password";
import { optionalText, requiredText, textField, uuidField, versionField } from "./fields";

const emailField = textField({ message: "form.required" })
  .trim()
  .toLowerCase()
  .min(1, { message: "form.required" })
  .max(254, { message: "structure.tooLong" })
  .pipe(z.email({ message: "form.invalidEmail" }));

const roleField = z.enum(ORGANISER_ROLES, { message: "structure.unknownChoice" });

/** A new organiser; a blank password means "generate one and show it once". */
export const organiserCreateSchema = z.object({
  intent: z.literal("create").optional(),
  name: requiredText(120),
  email: emailField,
  role: roleField,
  password: z.preprocess((value) => (value === "" ? undefined : value), newPasswordSchema.optional()),
});
export type OrganiserCreateValues = z.output<typeof organiserCreateSchema>;

/** An organiser's name, email and role, saved against the version they were read at. */
export const organiserEditSchema = z.object({
  intent: z.literal("update").optional(),
  name: requiredText(120),
  email: emailField,
  role: roleField,
  version: versionField,
});
export type OrganiserEditValues = Omit<z.output<typeof organiserEditSchema>, "intent" | "version">;

/** The edit form's view of an organiser (also the "theirs" side of a stale save). */
export function organiserFormValues(row: { name: string; email: string; role: OrganiserRole }) {
  return { name: row.name, email: row.email, role: row.role };
}

/** Deactivate or reactivate an organiser (one button, the version it was read at). */
export const organiserActiveSchema = z.object({
  intent: z.enum(["deactivate", "reactivate"], { message: "structure.unknownChoice" }),
  version: versionField,
});

/** The admin's organisation: its name. */
export const organisationEditSchema = z.object({
  intent: z.literal("rename"),
  name: requiredText(200),
  version: versionField,
});

/** Let another organisation work on one of our editions. */
export const editionAccessGrantSchema = z.object({
  intent: z.literal("grant"),
  edition: uuidField,
  organisation: textField({ message: "form.required" }).trim().min(1, { message: "form.required" }).pipe(uuidField),
});

/** Withdraw an organisation's access to one of our editions. */
export const editionAccessRevokeSchema = z.object({
  intent: z.literal("revoke"),
  edition: uuidField,
  organisation: uuidField,
});

/** The admin's organisation page: rename, grant, revoke, told apart by `intent` (parseIntent). */
export const organisationActionSchema = z.discriminatedUnion("intent", [organisationEditSchema, editionAccessGrantSchema, editionAccessRevokeSchema]);

/** An organiser's page: save (intent "update", or none), deactivate, reactivate (parseIntent). */
export const organiserActionSchema = z.discriminatedUnion("intent", [organiserEditSchema, organiserActiveSchema]);

/**
 * An account for a partner organisation's staff, opened on one of our editions: an existing
 * partner (organisation) or a new one by name (newOrganisation); editor or viewer only.
 */
export const partnerOrganiserSchema = z
  .object({
    intent: z.literal("create").optional(),
    edition: uuidField,
    organisation: z.union([z.literal(""), uuidField]).default(""),
    newOrganisation: optionalText(200),
    name: requiredText(120),
    email: emailField,
    role: z.enum(PARTNER_ROLES, { message: "structure.unknownChoice" }),
    password: z.preprocess((value) => (value === "" ? undefined : value), newPasswordSchema.optional()),
  })
  .refine((values) => values.organisation !== "" || Boolean(values.newOrganisation), {
    message: "partners.organisationRequired",
    path: ["organisation"],
  });
