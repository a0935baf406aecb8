// The two forms of a structure entity's page (room, theme, format): its edit form, which the
// entity's own schema validates (app/schemas/rooms.ts, themes.ts, formats.ts), and its removal.
import { z } from "zod";

/**
 * Which form of a structure page was sent, told apart by `intent` (parseIntent): `delete`, or
 * `update` (the edit form; its intent may be left out), whose fields the entity's schema reads next.
 */
export const structurePageActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("delete") }),
  z.looseObject({ intent: z.literal("update").optional() }),
]);
