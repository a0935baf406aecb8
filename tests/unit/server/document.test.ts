import { describe, expect, it } from "vitest";
import { documentBody, scriptSafeJson } from "~/server/document.server";

describe("the page's data script", () => {
  it("cannot close its script, open a comment or break a line, and reads back as the same text", () => {
    const text = 'P1:["</script><script>alert(1)</script>","<!--","a & b","\u2028\u2029","« été »"]';
    const json = scriptSafeJson(text);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toBe(text);
  });

  it("follows the rendered page, with the request's nonce, and closes the stream", () => {
    const body = new TextDecoder().decode(documentBody("<html><body>é</body></html>", 'P1:"x"', "abc123"));
    expect(body).toBe(
      '<!DOCTYPE html><html><body>é</body></html><script nonce="abc123">window.__remixContext.streamController.enqueue("P1:\\"x\\"");window.__remixContext.streamController.close();</script>',
    );
    expect(new TextDecoder().decode(documentBody("<html></html>", null, "n"))).toBe("<!DOCTYPE html><html></html>");
  });
});
