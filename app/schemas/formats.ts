import { z } from "zod";
import { ROOM_FEATURES, SESSION_ROLES, type FormatRole } from "~/domain/vocabulary";
import { checkboxList, optionalInt, requiredInt, requiredText, versionField } from "./fields";

/** One role's bounds; both blank = the format does not use the role. */
const roleBounds = z
  .object({ min: optionalInt(0, 50), max: optionalInt(0, 50) })
  .superRefine((role, ctx) => {
    if (role.min === null && role.max !== null) ctx.addIssue({ code: "custom", path: ["min"], message: "formats.roleBoth" });
    if (role.min !== null && role.max === null) ctx.addIssue({ code: "custom", path: ["max"], message: "formats.roleBoth" });
    if (role.min !== null && role.max !== null && role.max < role.min) ctx.addIssue({ code: "custom", path: ["max"], message: "formats.roleMaxBelowMin" });
    if (role.max === 0) ctx.addIssue({ code: "custom", path: ["max"], message: "formats.roleMaxZero" });
  });

const formatFields = z
  .object({
    nameFr: requiredText(120),
    nameEn: requiredText(120),
    defaultMinutes: requiredInt(5, 1440),
    minMinutes: requiredInt(5, 1440),
    maxMinutes: requiredInt(5, 1440),
    // A role absent from the submission counts as blank (not used by the format).
    roles: z.preprocess(
      (value) => value ?? {},
      z.object(
        Object.fromEntries(SESSION_ROLES.map((role) => [role, z.preprocess((value) => value ?? {}, roleBounds)])) as unknown as Record<
          (typeof SESSION_ROLES)[number],
          z.ZodType<z.output<typeof roleBounds>, unknown>
        >,
      ),
    ),
    requiredFeatures: checkboxList(z.enum(ROOM_FEATURES)),
  })
  .superRefine((format, ctx) => {
    if (format.minMinutes > format.maxMinutes) ctx.addIssue({ code: "custom", path: ["maxMinutes"], message: "formats.maxBelowMin" });
    else if (format.defaultMinutes < format.minMinutes || format.defaultMinutes > format.maxMinutes)
      ctx.addIssue({ code: "custom", path: ["defaultMinutes"], message: "formats.defaultOutside" });
  });

const toValues = <T extends z.output<typeof formatFields>>({ roles, ...rest }: T) => ({
  ...rest,
  roles: SESSION_ROLES.flatMap((role): FormatRole[] => {
    const bounds = roles[role];
    return bounds.min !== null && bounds.max !== null ? [{ role, min: bounds.min, max: bounds.max }] : [];
  }),
});

export const formatSchema = formatFields.transform(toValues);
export const formatEditSchema = formatFields.and(z.object({ version: versionField })).transform(({ version, ...rest }) => ({ ...toValues(rest), version }));
export type FormatValues = ReturnType<typeof toValues>;
