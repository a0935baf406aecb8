import { z } from "zod";
import { ROOM_FEATURES } from "~/domain/vocabulary";
import { checkboxList, localDateField, optionalInt, optionalTimeField, requiredText, textField, versionField } from "./fields";

/** Opening hours of one day; both blank = no hours that day. Closing at or before opening = after midnight. */
const dayHours = z
  .object({ date: localDateField, opens: optionalTimeField, closes: optionalTimeField })
  .superRefine((day, ctx) => {
    if (day.opens && !day.closes) ctx.addIssue({ code: "custom", path: ["closes"], message: "rooms.hoursBoth" });
    if (!day.opens && day.closes) ctx.addIssue({ code: "custom", path: ["opens"], message: "rooms.hoursBoth" });
    if (day.opens && day.opens === day.closes) ctx.addIssue({ code: "custom", path: ["closes"], message: "rooms.hoursSame" });
  });

const roomFields = z.object({
  name: requiredText(120),
  capacity: optionalInt(1, 100_000),
  features: checkboxList(z.enum(ROOM_FEATURES, { message: "structure.unknownChoice" })),
  hours: z.array(dayHours).max(62).default([]),
});

/** A new room (the rooms page's create form; its intent may be left out). */
export const roomSchema = roomFields.extend({ intent: z.literal("create").optional() });
export const roomEditSchema = roomFields.extend({ version: versionField });
export type RoomValues = z.output<typeof roomFields>;

/**
 * The walking-time matrix: `walk.<room>.<other room>` minutes, blank = the edition's default
 * changeover; `version` is the matrix's version as it was read (a stale save is refused).
 */
export const walkingSchema = z.object({
  intent: z.literal("walking"),
  version: versionField,
  walk: z.record(textField(), z.record(textField(), optionalInt(0, 180))).default({}),
});
export type WalkingValues = z.output<typeof walkingSchema>;

/** The rooms page's two forms, told apart by `intent` (parseIntent). */
export const roomsPageActionSchema = z.discriminatedUnion("intent", [roomSchema, walkingSchema]);
