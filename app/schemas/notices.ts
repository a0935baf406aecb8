// The organisation's personal-data settings (admins): the retention period, the contact the
// notices give, the RGAA conformity, the privacy notice and the accessibility statement in
// French and English. A blank text, or the default one unchanged, means the default.
import { z } from "zod";
import { NOTICE_MAX_LENGTH } from "~/domain/notices";
import { MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS } from "~/domain/retention";
import { ACCESSIBILITY_CONFORMITY } from "~/domain/vocabulary";
import { optionalText, requiredInt, versionField } from "./fields";

export const organisationNoticesSchema = z.object({
  intent: z.literal("notices"),
  version: versionField,
  retentionMonths: requiredInt(MIN_RETENTION_MONTHS, MAX_RETENTION_MONTHS),
  noticeContact: optionalText(500),
  accessibilityConformity: z.enum(ACCESSIBILITY_CONFORMITY, { message: "structure.unknownChoice" }),
  privacyNoticeFr: optionalText(NOTICE_MAX_LENGTH),
  privacyNoticeEn: optionalText(NOTICE_MAX_LENGTH),
  accessibilityStatementFr: optionalText(NOTICE_MAX_LENGTH),
  accessibilityStatementEn: optionalText(NOTICE_MAX_LENGTH),
});
export type OrganisationNoticesInput = z.infer<typeof organisationNoticesSchema>;
