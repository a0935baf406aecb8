// Instants are read as local text by app/domain/time.ts, on the server and in the browser alike.
export const LEVEL_ICONS: Record<string, string> = { block: "⛔", error: "✖", warning: "⚠", info: "ℹ" };
