// Conflict engine benchmarks (PERFORMANCE.md):
//   conflicts.full     checkProgramme, all rules; ratio to sorting 3n float64 numbers in the same run
//   conflicts.preview  one proposed move through Checker.preview; ratio to the full check
//   conflicts.suggest  Checker.suggest for one session (k = 5)
//   conflicts.checker  createChecker (indexes built once), for information
import { checkProgramme, createChecker, type Change } from "~/domain/conflicts";
import { median, round, samples, sortBaseline, type BenchModule } from "./measure";
import { generateWorkload, prng, type WorkloadName } from "./workloads";

const WORKLOADS: WorkloadName[] = ["BAROUF", "F1", "F10"];

const bench: BenchModule = {
  name: "conflicts",
  run(ctx) {
    for (const name of WORKLOADS) {
      const wanted = ["full", "preview", "suggest", "checker"].filter((b) => ctx.wants(`conflicts.${b}`, name));
      if (wanted.length === 0) continue;
      const w = generateWorkload(name);
      const n = w.sessions.length;

      // Full check, interleaved with the sort baseline so both see the same noise.
      const sort = sortBaseline(3 * n, 7);
      const runs = name === "F10" ? 25 : 41;
      for (let i = 0; i < 5; i++) {
        sort();
        checkProgramme(w);
      }
      const base: number[] = [];
      const full: number[] = [];
      let conflictCount = 0;
      for (let i = 0; i < runs; i++) {
        base.push(sort());
        const t = performance.now();
        conflictCount = checkProgramme(w).length;
        full.push(performance.now() - t);
      }
      const fullMs = median(full);
      const baseMs = median(base);
      if (ctx.wants("conflicts.full", name)) {
        const ratio = fullMs / baseMs;
        ctx.report({
          bench: "conflicts.full",
          workload: name,
          value: round(fullMs),
          baseline: round(baseMs),
          ratio: round(ratio),
          target: name === "F10" ? "ratio ≤ 15" : `${conflictCount} conflicts`,
          pass: name === "F10" ? ratio <= 15 : undefined,
        });
      }

      let checker: ReturnType<typeof createChecker> | undefined;
      const build = samples(() => (checker = createChecker(w)), name === "F10" ? 5 : 11, 1);
      if (ctx.wants("conflicts.checker", name)) {
        ctx.report({ bench: "conflicts.checker", workload: name, value: round(median(build)), baseline: round(fullMs), ratio: round(median(build) / fullMs) });
      }
      const c = checker!;

      // Drag previews: deterministic moves of placed sessions to another room, up to 2 h away, same day.
      if (ctx.wants("conflicts.preview", name)) {
        const rand = prng(42);
        const placed = w.sessions.filter((s) => s.roomId !== null && s.start !== null && s.end !== null);
        const moves: Change[] = Array.from({ length: 400 }, () => {
          const s = placed[Math.floor(rand() * placed.length)];
          const room = w.rooms[Math.floor(rand() * w.rooms.length)];
          const shift = (Math.floor(rand() * 17) - 8) * 15 * 60_000;
          return { kind: "move", sessionId: s.id, roomId: room.id, start: s.start! + shift, end: s.end! + shift };
        });
        for (let i = 0; i < 100; i++) c.preview(moves[i]);
        const times: number[] = [];
        for (let i = 100; i < moves.length; i++) {
          const t = performance.now();
          c.preview(moves[i]);
          times.push(performance.now() - t);
        }
        const ms = median(times);
        ctx.report({
          bench: "conflicts.preview",
          workload: name,
          value: round(ms),
          baseline: round(fullMs),
          ratio: round(ms / fullMs),
          target: name === "F10" ? "≤ 2 ms and ratio ≤ 0.01" : undefined,
          pass: name === "F10" ? ms <= 2 && ms / fullMs <= 0.01 : undefined,
        });
      }

      // Suggestions for sessions in conflict (the case the board asks for), then placed ones.
      if (ctx.wants("conflicts.suggest", name)) {
        const inConflict = [...new Set(c.conflicts().filter((x) => x.level === "block" || x.level === "error").flatMap((x) => x.sessions))];
        const ids = [...inConflict.slice(0, 30), ...w.sessions.slice(0, 30 - Math.min(30, inConflict.length)).map((s) => s.id)];
        for (let i = 0; i < 5; i++) c.suggest(ids[i % ids.length]);
        const times: number[] = [];
        let found = 0;
        for (const id of ids) {
          const t = performance.now();
          found += c.suggest(id, 5).length;
          times.push(performance.now() - t);
        }
        const ms = median(times);
        ctx.report({
          bench: "conflicts.suggest",
          workload: name,
          value: round(ms),
          baseline: null,
          ratio: null,
          target: name === "F1" ? `≤ 50 ms (${found} suggestions for ${ids.length} sessions)` : `${found} suggestions for ${ids.length} sessions`,
          pass: name === "F1" ? ms <= 50 : undefined,
        });
      }
    }
  },
};

export default bench;
