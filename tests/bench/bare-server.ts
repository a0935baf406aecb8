// The baseline server of the serving benches: bare node:http sending prepared bytes, in its own
// process like the app. Usage: node bare-server.ts SPEC.json (prints "listening at URL").
//   SPEC: { headers200, headers304, bodyFile }; a request with If-None-Match gets the 304.
import { readFileSync } from "node:fs";
import http from "node:http";

const spec = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as {
  headers200: Record<string, string>;
  headers304: Record<string, string>;
  bodyFile: string;
};
const body = readFileSync(spec.bodyFile);
const server = http.createServer((req, res) => {
  if (req.headers["if-none-match"]) {
    res.writeHead(304, spec.headers304);
    res.end();
  } else {
    res.writeHead(200, spec.headers200);
    res.end(body);
  }
});
server.keepAliveTimeout = 65_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address() as { port: number };
  console.log(`listening at http://127.0.0.1:${address.port}`);
});
