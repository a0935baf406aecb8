// Invitation tokens never reach the server's log, whatever the way the link is opened.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { invitations } from "~/db/schema";
import { hashToken } from "~/services/auth.server";
import { db, request, signIn } from "../helpers/app";
import { freshAddress, makeLink, speakerWithSessions } from "./invitations-fixtures";

let editor: { cookie: string };

beforeAll(async () => {
  editor = await signIn("editor");
}, 60_000);

/** Captures every console level (the expected errors included) while `run` goes. */
async function captureConsole(run: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  for (const level of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((arg) => (arg instanceof Error ? `${arg.stack} ${String(arg.cause)}` : String(arg))).join(" "));
    });
  }
  await run();
  return lines.join("\n");
}

const VARIANTS: [string, (token: string) => { path: string; method?: string }][] = [
  ["the link", (token) => ({ path: `/invitation/${token}` })],
  ["the link with ?_data", (token) => ({ path: `/invitation/${token}?_data=routes/invitation.$token` })],
  ["the link with a wrong ?_data", (token) => ({ path: `/invitation/${token}?_data=routes/nowhere` })],
  ["the .data variant", (token) => ({ path: `/invitation/${token}.data` })],
  ["the .data variant with _routes", (token) => ({ path: `/invitation/${token}.data?_routes=routes/invitation.$token` })],
  ["the .data variant with a wrong _routes", (token) => ({ path: `/invitation/${token}.data?_routes=routes/nowhere` })],
  ["a token= query", (token) => ({ path: `/speaker?token=${token}` })],
  ["POST", (token) => ({ path: `/invitation/${token}`, method: "POST" })],
  ["PUT", (token) => ({ path: `/invitation/${token}`, method: "PUT" })],
  ["DELETE", (token) => ({ path: `/invitation/${token}`, method: "DELETE" })],
  ["POST .data", (token) => ({ path: `/invitation/${token}.data`, method: "POST" })],
];

describe("invitation tokens in the log", () => {
  it.each(VARIANTS)("are never printed when opening %s (valid, expired and unknown tokens)", async (_name, variant) => {
    const { speaker } = await speakerWithSessions();
    const valid = await makeLink(editor.cookie, speaker.uuid);
    const expired = await makeLink(editor.cookie, (await speakerWithSessions()).speaker.uuid);
    const database = await db();
    await database.update(invitations).set({ expiresAt: Date.now() - 1 }).where(eq(invitations.tokenHash, hashToken(expired)));
    const unknown = "U".repeat(20) + "nknown-token_0123456789ab";
    const printed = await captureConsole(async () => {
      for (const token of [valid, expired, unknown]) {
        const { path, method } = variant(token);
        const body = method && method !== "GET" ? new URLSearchParams({ a: "b" }).toString() : undefined;
        const response = await request(path, {
          method,
          body,
          headers: body ? { "Content-Type": "application/x-www-form-urlencoded" } : {},
          clientAddress: freshAddress(),
        });
        await response.arrayBuffer();
        expect(response.status).toBeLessThan(500);
      }
    });
    for (const token of [valid, expired, unknown]) expect(printed).not.toContain(token);
  });
});
