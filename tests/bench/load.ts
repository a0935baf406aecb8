// A small keep-alive load generator (no autocannon in the dependencies): `connections` sockets
// each send the next request as soon as the previous answer is read, for `durationMs`.
// The same tool measures Barouf and the bare node:http baseline in the same run.
import http from "node:http";

export type LoadResult = { requests: number; rps: number; errors: number; statuses: Record<number, number>; p99: number };

export async function load(url: string, options: { headers?: Record<string, string>; connections?: number; durationMs?: number } = {}): Promise<LoadResult> {
  const target = new URL(url);
  const connections = options.connections ?? 32;
  const duration = options.durationMs ?? 3_000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const statuses: Record<number, number> = {};
  const latencies: number[] = [];
  let requests = 0;
  let errors = 0;
  const end = performance.now() + duration;
  const worker = () =>
    new Promise<void>((resolve) => {
      const next = () => {
        if (performance.now() >= end) return resolve();
        const started = performance.now();
        const req = http.request(
          { host: target.hostname, port: target.port, path: target.pathname + target.search, agent, headers: options.headers },
          (res) => {
            res.on("data", () => {});
            res.on("end", () => {
              statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
              latencies.push(performance.now() - started);
              requests++;
              next();
            });
          },
        );
        req.on("error", () => {
          errors++;
          next();
        });
        req.end();
      };
      next();
    });
  const t = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = performance.now() - t;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { requests, rps: (requests / elapsed) * 1000, errors, statuses, p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0 };
}

