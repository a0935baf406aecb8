// The server render's output as a response body (used by entry.server.tsx).
import { Writable } from "node:stream";

/**
 * A writable for `renderToPipeableStream(...).pipe()` and the web stream it feeds.
 *
 * React writes the page in 2 KB pieces and calls `flush()` after each pass; the pieces of one
 * pass go out as one chunk, at once. (A PassThrough read by a web stream moved a large page, the
 * schedule board's 1.4 MB, through hundreds of small chunks, pausing React each time its buffer
 * filled.)
 *
 * React 18.3's writer also sends its whole 2 KB buffer when the next multi-byte character does
 * not fit at its end: the 1 to 3 bytes left unfilled reach the browser as NUL characters (shown as
 * U+FFFD inside attribute values, e.g. a card's tooltip). The page never contains a NUL of its
 * own, so a chunk's trailing zero bytes are dropped.
 */
export function htmlStream(): { body: ReadableStream<Uint8Array>; sink: Writable } {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  /** The reader went away (the browser navigated off): React stops on the sink's "close". */
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      cancelled = true;
      sink.destroy();
    },
  });
  let pending: Uint8Array[] = [];
  const send = () => {
    if (pending.length === 0 || cancelled) return;
    controller.enqueue(pending.length === 1 ? pending[0]! : Buffer.concat(pending));
    pending = [];
  };
  const sink = Object.assign(
    new Writable({
      write(chunk: Uint8Array, _encoding, callback) {
        let end = chunk.length;
        while (end > 0 && chunk[end - 1] === 0) end--;
        if (end > 0) pending.push(end === chunk.length ? chunk : chunk.subarray(0, end));
        callback();
      },
      final(callback) {
        send();
        if (!cancelled) controller.close();
        callback();
      },
      destroy(error, callback) {
        if (error && !cancelled) controller.error(error);
        callback(error);
      },
    }),
    { flush: send },
  );
  return { body, sink };
}
