// Shared helpers for benchmark modules: medians after warm-up, the in-run sort baseline, and
// the figure format of PERFORMANCE.md (one JSON line per figure, plus a human table).
import { prng } from "./workloads";

export interface Figure {
  bench: string;
  workload: string;
  /** Milliseconds unless `unit` says otherwise. */
  value: number;
  baseline: number | null;
  ratio: number | null;
  unit?: string;
  /** Human description of the target, e.g. "ratio ≤ 15". */
  target?: string;
  pass?: boolean;
}

export interface BenchContext {
  /** Whether the command line asked for this bench and workload (no filter: everything). */
  wants(bench: string, workload: string): boolean;
  report(figure: Figure): void;
}

export interface BenchModule {
  name: string;
  run(ctx: BenchContext): void | Promise<void>;
}

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Times `fn` `runs` times after `warmup` untimed calls; returns every sample (ms). */
export function samples(fn: () => unknown, runs: number, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

/**
 * The baseline of PERFORMANCE.md: Float64Array.prototype.sort of `count` random float64 numbers.
 * Returns a function timing one sort of fresh data (the copy is not timed), so callers can
 * interleave it with what they measure and share the machine's noise.
 */
export function sortBaseline(count: number, seed = 1): () => number {
  const rand = prng(seed);
  const source = new Float64Array(count);
  for (let i = 0; i < count; i++) source[i] = rand() * 1e12;
  const work = new Float64Array(count);
  return () => {
    work.set(source);
    const t = performance.now();
    work.sort();
    return performance.now() - t;
  };
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
