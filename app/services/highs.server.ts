// HiGHS (the `highs` package, WebAssembly) as the exact model's solver. A fresh instance per
// solve: one WebAssembly memory per model keeps a large model from leaving the next one short.
// The persistent-model API (documented in the package's README) reads the CPLEX LP text, takes
// the fast solver's plan as a MIP start (`setSolution` with sparse values) and reports the
// dual bound, which the compatibility `solve()` cannot.
import highsLoader from "highs";
import type { LpResult, LpSolver } from "~/domain/scheduling";

export async function loadLpSolver(): Promise<LpSolver> {
  const highs = await highsLoader();
  const status = highs.constants.modelStatus;
  return (lp, { start, ...options }) =>
    highs.withModel({ format: "lp", data: lp }, (model): LpResult => {
      model.options.set({ ...options, output_flag: false });
      if (start && Object.keys(start).length > 0) {
        const names = Object.keys(start);
        model.setSolution({ indices: names.map((n) => model.getColByName(n)), values: names.map((n) => start[n]!) });
      }
      const { modelStatus } = model.run();
      const hasPrimal = Number(model.info.get("primal_solution_status")) === 2;
      const dualBound = Number(model.info.get("mip_dual_bound"));
      const Columns: LpResult["Columns"] = {};
      if (hasPrimal) {
        const { colValue } = model.getSolution();
        for (let k = 0; k < colValue.length; k++) if (colValue[k] !== 0) Columns[model.getColName(k)] = { Primal: colValue[k] };
      }
      return {
        Status: modelStatus === status.optimal ? "Optimal" : modelStatus === status.timeLimit ? "Time limit reached" : `status ${modelStatus}`,
        ObjectiveValue: hasPrimal ? model.getObjectiveValue() : undefined,
        DualBound: Number.isFinite(dualBound) ? dualBound : undefined,
        Columns,
      };
    });
}
