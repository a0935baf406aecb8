// HiGHS (the `highs` package, WebAssembly) as the exact model's solver. A fresh instance per
// solve: one WebAssembly memory per model keeps a large model from leaving the next one short.
import highsLoader from "highs";
import type { LpSolver } from "~/domain/scheduling";

export async function loadLpSolver(): Promise<LpSolver> {
  const highs = await highsLoader();
  return (lp, options) => highs.solve(lp, { ...options, output_flag: false }) as unknown as ReturnType<LpSolver>;
}
