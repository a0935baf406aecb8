// Public site benchmarks (issue 16, ADR 0020), F1 published:
//   public.page.200  the latest programme page (F1's 1,000 sessions) served warm by the real built
//                    server, requests per second as a ratio to bare node:http sending the same
//                    bytes (target ≥ 0.5)
//   public.page.304  the same with If-None-Match (target ≥ 0.8)
import { servePublishedF1 } from "./exports.bench";
import type { BenchModule } from "./measure";

const bench: BenchModule = {
  name: "public",
  async run(ctx) {
    await servePublishedF1(ctx, { label: "public", names: { ok: "public.page.200", notModified: "public.page.304" }, path: (slug) => `/programme/${slug}/` });
  }
};

export default bench;
