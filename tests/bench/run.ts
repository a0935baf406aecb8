// Entry point of `npm run bench`. Runs an explicit list of bench modules (append yours to
// BENCHES) and prints one JSON line per figure, then a human table.
//
//   npm run bench                      every bench, every workload
//   npm run bench -- F10               every bench on F10
//   npm run bench -- conflicts F1      the conflict benches on F1
//   npm run bench -- conflicts.preview the drag preview only
// Each argument (or comma-separated word) must match a bench module, a figure's bench name
// (prefix match: "conflicts" matches "conflicts.full") or a workload name, case-insensitively.
import board from "./board.bench";
import conflicts from "./conflicts.bench";
import exports from "./exports.bench";
import imports from "./imports.bench";
import publicSite from "./public-site.bench";
import schedule from "./schedule.bench";
import webhooks from "./webhooks.bench";
import type { BenchModule, Figure } from "./measure";

const BENCHES: BenchModule[] = [conflicts, board, exports, imports, webhooks, schedule, publicSite];

const WORKLOAD_NAMES = ["BAROUF", "F1", "F10", "FOSDEM2021"];

const tokens = process.argv
  .slice(2)
  .flatMap((arg) => arg.split(","))
  .map((t) => t.trim().toLowerCase())
  .filter(Boolean);
const workloadTokens = tokens.filter((t) => WORKLOAD_NAMES.some((w) => w.toLowerCase() === t));
const benchTokens = tokens.filter((t) => !workloadTokens.includes(t));

function wants(bench: string, workload: string): boolean {
  const b = bench.toLowerCase();
  const okBench = benchTokens.length === 0 || benchTokens.some((t) => b === t || b.startsWith(`${t}.`));
  const okWorkload = workloadTokens.length === 0 || workloadTokens.includes(workload.toLowerCase());
  return okBench && okWorkload;
}

const figures: Figure[] = [];
for (const module of BENCHES) {
  if (benchTokens.length > 0 && !benchTokens.some((t) => module.name.toLowerCase() === t || t.startsWith(`${module.name.toLowerCase()}.`))) {
    continue;
  }
  await module.run({
    wants,
    report(figure) {
      figures.push(figure);
      const { bench, workload, value, baseline, ratio } = figure;
      process.stdout.write(`${JSON.stringify({ bench, workload, value, baseline, ratio })}\n`);
    },
  });
}

if (figures.length === 0) {
  process.stdout.write(`No bench matches ${JSON.stringify(process.argv.slice(2))}.\n`);
} else {
  const rows = figures.map((f) => [
    f.bench,
    f.workload,
    `${f.value} ${f.unit ?? "ms"}`,
    f.baseline === null ? "" : String(f.baseline),
    f.ratio === null ? "" : String(f.ratio),
    f.target ?? "",
    f.pass === undefined ? "" : f.pass ? "PASS" : "FAIL",
  ]);
  const header = ["bench", "workload", "value", "baseline", "ratio", "target", ""];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c])).join("  ").trimEnd();
  process.stdout.write(`\n${line(header)}\n${line(widths.map((w) => "-".repeat(w)))}\n${rows.map(line).join("\n")}\n`);
}
