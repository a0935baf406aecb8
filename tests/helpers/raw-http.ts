// Requests written byte for byte to a listening server: fetch and node's client would normalise
// the request line (`//host`, `*`, unknown methods) that these tests need to send.
import net from "node:net";

export type RawAnswer = { status: number; headers: Map<string, string>; body: Buffer };

/**
 * Sends `head` (request line and headers, without the blank line) and `body`, and reads the
 * answer until the server closes (`Connection: close` is added). `status` is NaN when the server
 * closed without answering. Header names are lower-cased; repeated ones are joined with ", ".
 */
export function rawRequest(port: number, head: string, body: string | Buffer = ""): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    // Not half-closed after the request: node:http would take that for an aborted request.
    const socket = net.connect(port, "127.0.0.1", () => socket.write(Buffer.concat([Buffer.from(`${head}\r\nConnection: close\r\n\r\n`), Buffer.from(body)])));
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    // The server may close before it read a refused body: what it answered is still here.
    socket.on("error", () => {});
    socket.on("close", () => {
      const all = Buffer.concat(chunks);
      const end = all.indexOf("\r\n\r\n");
      const lines = all.subarray(0, end === -1 ? all.length : end).toString("latin1").split("\r\n");
      const headers = new Map<string, string>();
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(":");
        if (colon === -1) continue;
        const name = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
      }
      resolve({ status: Number(lines[0]!.split(" ")[1]), headers, body: end === -1 ? Buffer.alloc(0) : all.subarray(end + 4) });
    });
  });
}
