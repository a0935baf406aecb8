// HiGHS (the `highs` package, WebAssembly) as the exact model's solver. A fresh instance per
// solve: one WebAssembly memory per model keeps a large model from leaving the next one short.
// The persistent-model API (documented in the package's README) takes the model as arrays
// (`withModel(modelData)`: costs, bounds, integrality, a CSR matrix, row bounds, column
// names), nothing to parse; it takes the fast solver's plan as a MIP start (`setSolution` with
// every column's value) and reports the dual bound, which the compatibility `solve()` cannot.
import highsLoader from "highs";
import type { LpResult, LpSolver, MipModel } from "~/domain/scheduling";

export async function loadLpSolver(): Promise<LpSolver> {
  const highs = await highsLoader();
  const status = highs.constants.modelStatus;
  // The domain writes a missing bound as ±Infinity; HiGHS's own infinity (IEEE infinity in this build) is what it documents.
  const bounded = (xs: Float64Array) => (highs.infinity === Infinity ? xs : xs.map((v) => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v)));
  const modelData = (m: MipModel) => ({ ...m, colLower: bounded(m.colLower), colUpper: bounded(m.colUpper), rowLower: bounded(m.rowLower), rowUpper: bounded(m.rowUpper) });
  return (model, { start, ...options }) =>
    highs.withModel(modelData(model), (m): LpResult => {
      m.options.set({ ...options, output_flag: false });
      if (start) m.setSolution({ colValue: Float64Array.from(start) });
      const { modelStatus } = m.run();
      const hasPrimal = Number(m.info.get("primal_solution_status")) === 2;
      const dualBound = Number(m.info.get("mip_dual_bound"));
      return {
        Status: modelStatus === status.optimal ? "Optimal" : modelStatus === status.timeLimit ? "Time limit reached" : `status ${modelStatus}`,
        ObjectiveValue: hasPrimal ? m.getObjectiveValue() : undefined,
        DualBound: Number.isFinite(dualBound) ? dualBound : undefined,
        values: hasPrimal ? m.getSolution().colValue : undefined,
      };
    });
}
