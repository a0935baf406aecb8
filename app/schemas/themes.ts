import { z } from "zod";
import { requiredText, textField, versionField } from "./fields";

export const themeSchema = z.object({
  nameFr: requiredText(120),
  nameEn: requiredText(120),
  colour: textField({ message: "form.required" }).trim().regex(/^#[0-9a-fA-F]{6}$/, { message: "themes.colourInvalid" }).transform((c) => c.toLowerCase()),
});
export const themeEditSchema = themeSchema.extend({ version: versionField });
export type ThemeValues = z.output<typeof themeSchema>;
