import { afterEach, describe, expect, it, vi } from "vitest";
import { log, redactSecrets } from "~/server/log.server";

const TOKEN = "S8vfM0HsZo2wpYPXECUGKG_uEhPn3w3n3D-mCM3i5Tk";

describe("redactSecrets", () => {
  it.each([
    `GET /invitation/${TOKEN}`,
    `GET /invitation/${TOKEN}.data`,
    `GET /invitation/${TOKEN}?_data=routes/invitation.$token`,
    `http://barouf.test/invitation/${TOKEN}#x`,
    `/login?redirectTo=%2Finvitation%2F${TOKEN}`,
    `/speaker?token=${TOKEN}&x=1`,
    `/speaker?resetToken=${TOKEN}`,
    `/speaker?a=1&token%3D${TOKEN}`,
    `the token ${TOKEN} alone`,
    `/invitation/not-a-base64-token;with'odd"characters`,
  ])("hides the token in %s", (line) => {
    const out = redactSecrets(line);
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain("not-a-base64-token");
    expect(out).toContain("[redacted]");
  });

  it("hides webhook signing secrets", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw/Z+Qm8rL3a0=";
    const out = redactSecrets(`Secret: ${secret} rotated`);
    expect(out).toBe("Secret: whsec_[redacted] rotated");
  });

  it("keeps ordinary lines as they are", () => {
    expect(redactSecrets("[barouf] GET /editions/grand-barouf-2016/sessions?q=atelier")).toBe("[barouf] GET /editions/grand-barouf-2016/sessions?q=atelier");
  });
});

describe("log", () => {
  afterEach(() => vi.restoreAllMocks());

  it("redacts the message, stack and cause of an error at every level", () => {
    const printed: string[] = [];
    for (const level of ["log", "warn", "error"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => printed.push(args.map(String).join(" ")));
    }
    const error = new Error(`loader failed for /invitation/${TOKEN}`, { cause: new Error(`token=${TOKEN}`) });
    log.error("[barouf] GET", `/invitation/${TOKEN}`, error);
    log.warn(error);
    log.info({ url: `/invitation/${TOKEN}.data` });
    expect(printed.join("\n")).not.toContain(TOKEN);
    expect(printed.join("\n")).toContain("loader failed for /invitation/[redacted]");
  });
});
