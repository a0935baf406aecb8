import { PassThrough } from "node:stream";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { htmlStream } from "~/server/html-stream.server";

/** French text in short pieces: React's 2 KB buffers keep ending in the middle of "…" or "é". */
function Page({ pad }: { pad: number }) {
  return (
    <ul>
      <li>{"x".repeat(pad)}</li>
      {Array.from({ length: 3000 }, (_, i) => (
        <li key={i} title={`Déplacer… ${i}`}>
          {`Même thème ${i} …`}
        </li>
      ))}
    </ul>
  );
}

function render(page: JSX.Element, into: (pipe: (w: NodeJS.WritableStream) => void) => Promise<Uint8Array>) {
  return new Promise<Uint8Array>((resolve, reject) => {
    const { pipe } = renderToPipeableStream(page, {
      onAllReady: () => into((w) => pipe(w as never)).then(resolve, reject),
      onError: reject,
    });
  });
}

async function throughSink(page: JSX.Element): Promise<Uint8Array> {
  return render(page, async (pipe) => {
    const { body, sink } = htmlStream();
    pipe(sink);
    return new Uint8Array(await new Response(body).arrayBuffer());
  });
}

async function throughPassThrough(page: JSX.Element): Promise<Uint8Array> {
  return render(page, (pipe) => {
    const through = new PassThrough();
    const chunks: Buffer[] = [];
    through.on("data", (c: Buffer) => chunks.push(c));
    const done = new Promise<Uint8Array>((resolve) => through.on("end", () => resolve(Buffer.concat(chunks))));
    pipe(through);
    return done;
  });
}

describe("htmlStream", () => {
  it("answers the page React rendered, without the NUL bytes React 18.3 pads its 2 KB chunks with", async () => {
    let padded = 0;
    for (let pad = 0; pad < 4; pad++) {
      const page = <Page pad={pad} />;
      // React's own output carries the padding (what the browser received before).
      if ((await throughPassThrough(page)).includes(0)) padded++;
      const bytes = await throughSink(page);
      expect(bytes.includes(0)).toBe(false);
      expect(new TextDecoder().decode(bytes)).toBe(renderToString(page));
    }
    expect(padded).toBeGreaterThan(0);
  });

  it("sends each flush of React as one chunk", async () => {
    const { body, sink } = htmlStream();
    const reader = body.getReader();
    sink.write(new TextEncoder().encode("<p>a"));
    sink.write(new TextEncoder().encode("b</p>"));
    (sink as unknown as { flush(): void }).flush();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("<p>ab</p>");
    sink.end();
    expect((await reader.read()).done).toBe(true);
  });

  it("stops React when the browser goes away", async () => {
    const { body, sink } = htmlStream();
    const closed = new Promise((resolve) => sink.on("close", resolve));
    await body.cancel();
    await closed;
    expect(sink.destroyed).toBe(true);
  });
});
