// The speaker page's forms: one schema each, shared by the browser and the action.
import { z } from "zod";
import { textField } from "./fields";

const version = z.coerce.number().int().min(1);
const sessionId = z.uuid({ message: "speaker.unknownSession" });
const text = (max: number) => textField().trim().max(max, { message: "speaker.tooLong" });
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const confirmSchema = z.object({ intent: z.literal("confirm"), session: sessionId, version });
export const declineSchema = z.object({
  intent: z.literal("decline"),
  session: sessionId,
  version,
  reason: text(1000).min(3, { message: "speaker.reasonRequired" }),
});
export const proposeSchema = z.object({
  intent: z.literal("propose"),
  session: sessionId,
  version,
  proposedTime: text(500).min(3, { message: "speaker.proposalRequired" }),
});

const link = z.object({
  label: text(80).default(""),
  url: textField()
    .trim()
    .max(500, { message: "speaker.tooLong" })
    .refine((v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v), { message: "speaker.badUrl" })
    .default(""),
});
export const MAX_LINKS = 5;

/** The browser validates the nested object; the server nests the dotted form names first (parseValues). */
export const profileSchema = z.object({
    intent: z.literal("profile"),
    version,
    publicName: text(120).min(2, { message: "speaker.nameRequired" }),
    organisation: text(200),
    jobTitle: text(200),
    bioFr: text(4000),
    bioEn: text(4000),
    links: z
      .array(link)
      .max(MAX_LINKS)
      .default([])
      // Empty rows are the form's spare lines.
      .transform((links) => links.filter((l) => l.url !== "").map((l) => ({ label: l.label || l.url, url: l.url }))),
});
export type ProfileInput = z.output<typeof profileSchema>;

export const practicalSchema = z.object({
  intent: z.literal("practical"),
  version,
  consentRecording: checkbox,
  consentPhotos: checkbox,
  consentPublishBio: checkbox,
  /** Publishing the uploaded portrait on the public site and in the exports (not being photographed). */
  consentPublicPhoto: checkbox,
  accessibilityNeeds: text(2000),
  practicalNotes: text(2000),
  preferredLocale: z.enum(["fr", "en"]),
});
export type PracticalInput = z.output<typeof practicalSchema>;

const day = z
  .object({
    date: textField().regex(/^\d{4}-\d{2}-\d{2}$/),
    mode: z.enum(["all", "part", "none"]),
    from: textField().default(""),
    to: textField().default(""),
  })
  .superRefine((d, ctx) => {
    if (d.mode !== "part") return;
    if (!HHMM.test(d.from)) ctx.addIssue({ code: "custom", path: ["from"], message: "speaker.badTime" });
    if (!HHMM.test(d.to)) ctx.addIssue({ code: "custom", path: ["to"], message: "speaker.badTime" });
    else if (HHMM.test(d.from) && d.to <= d.from) ctx.addIssue({ code: "custom", path: ["to"], message: "speaker.endBeforeStart" });
  });

export const availabilitySchema = z.object({ intent: z.literal("availability"), days: z.array(day).min(1).max(31) });
export type AvailabilityInput = z.output<typeof availabilitySchema>;

/** A photo straight from a phone; it is resized at upload (app/services/photos.server.ts). */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

/** The photo form: a file the action reads from the multipart body (photos.server.ts checks it). */
export const photoSchema = z.object({ intent: z.literal("photo") });

/** Removing the photo (confirmed first: askConfirmation). */
export const removePhotoSchema = z.object({ intent: z.literal("removePhoto") });

/** Every form of the speaker page, told apart by `intent` (parseIntent). */
export const speakerActionSchema = z.discriminatedUnion("intent", [
  confirmSchema,
  declineSchema,
  proposeSchema,
  profileSchema,
  practicalSchema,
  availabilitySchema,
  photoSchema,
  removePhotoSchema,
]);
export type SpeakerIntent = z.output<typeof speakerActionSchema>["intent"];
