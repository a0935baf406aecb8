// The serving benches' shared measure (exports.serve.*, public.page.*): requests per second of
// the real built server answering one warm path, as a ratio to a bare node:http server (in its
// own process, bare-server.ts) sending the same bytes with the same headers. 200: the body in
// brotli; 304: the same request with If-None-Match.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { load } from "./load";
import { median, round, type BenchContext } from "./measure";

export async function serveRatio(
  ctx: BenchContext,
  options: { appUrl: string; path: string; dir: string; names: { ok: string; notModified: string }; want200: boolean; want304: boolean },
) {
  const { appUrl, path: target, dir } = options;
  const accept = { "Accept-Encoding": "br, gzip" };
  const first = await fetch(appUrl + target, { headers: accept });
  const body = Buffer.from(await first.arrayBuffer());
  if (first.status !== 200) throw new Error(`${target} answered ${first.status}`);
  const headers200: Record<string, string> = {};
  first.headers.forEach((value, key) => (headers200[key] = value));
  for (const name of ["content-length", "transfer-encoding", "connection", "keep-alive", "date"]) delete headers200[name];
  const etag = first.headers.get("ETag")!;
  const { "content-type": _t, "content-encoding": _e, ...headers304 } = headers200;
  // fetch decodes brotli: send the encoded bytes the app keeps, re-encoded the same way.
  const encoded = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: body.length > 1_000_000 ? 7 : 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } });
  const bodyFile = path.join(dir, "body.br");
  writeFileSync(bodyFile, encoded);
  const specFile = path.join(dir, "bare.json");
  writeFileSync(specFile, JSON.stringify({ headers200, headers304, bodyFile }));
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "bare-server.ts"), specFile], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const bareUrl = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        out += chunk;
        const match = /listening at (\S+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.on("exit", (code) => reject(new Error(`bare server exited ${code}`)));
    });
    const rounds = 3;
    const measure = async (headers: Record<string, string>) => {
      const appRps: number[] = [];
      const bareRps: number[] = [];
      let p99 = 0;
      await load(appUrl + target, { headers, durationMs: 1000 });
      await load(bareUrl + target, { headers, durationMs: 1000 });
      for (let i = 0; i < rounds; i++) {
        const a = await load(appUrl + target, { headers, durationMs: 3000 });
        const b = await load(bareUrl + target, { headers, durationMs: 3000 });
        if (a.errors || Object.keys(a.statuses).some((s) => Number(s) >= 500)) throw new Error(`errors while serving: ${JSON.stringify(a)}`);
        appRps.push(a.rps);
        bareRps.push(b.rps);
        p99 = Math.max(p99, a.p99);
      }
      return { app: median(appRps), bare: median(bareRps), p99 };
    };
    if (options.want200) {
      const r = await measure(accept);
      const ratio = r.app / r.bare;
      ctx.report({ bench: options.names.ok, workload: "F1", value: round(r.app), baseline: round(r.bare), ratio: round(ratio), unit: `req/s (p99 ${round(r.p99)} ms)`, target: "ratio ≥ 0.5", pass: ratio >= 0.5 });
    }
    if (options.want304) {
      const r = await measure({ ...accept, "If-None-Match": etag });
      const ratio = r.app / r.bare;
      ctx.report({ bench: options.names.notModified, workload: "F1", value: round(r.app), baseline: round(r.bare), ratio: round(ratio), unit: `req/s (p99 ${round(r.p99)} ms)`, target: "ratio ≥ 0.8", pass: ratio >= 0.8 });
    }
  } finally {
    child.kill("SIGKILL");
  }
}
