import { z } from "zod";
import { textField } from "./fields";

/** An edition slug someone asks for: what a URL segment can carry without escaping. */
export const editionSlugSchema = textField()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "import.slugInvalid")
  .max(80, "import.slugInvalid")
  .refine((slug) => !["new", "import", "switch"].includes(slug), "import.slugReserved");

/** Step 1: the file and, optionally, the slug the new edition should have. */
export const importUploadSchema = z.object({
  intent: z.literal("upload"),
  slug: z.union([z.literal(""), editionSlugSchema]).optional(),
});

const uploadId = textField().regex(/^[A-Za-z0-9_-]{16,64}$/, "import.uploadMissing");

/** Step 2: apply what was previewed… */
export const importApplySchema = z.object({ intent: z.literal("apply"), uploadId });
/** …or cancel it (the kept file is removed). */
export const importCancelSchema = z.object({ intent: z.literal("cancel"), uploadId });
/** The preview's two buttons, told apart by `intent` (parseIntent). */
export const importStepSchema = z.discriminatedUnion("intent", [importApplySchema, importCancelSchema]);

/** What the browser checks before sending the file (the file itself is checked on the server). */
export const importFileFormSchema = z.object({ slug: z.union([z.literal(""), editionSlugSchema]).optional() });
