import { describe, expect, it } from "vitest";
import { checkProgramme } from "~/domain/conflicts";
import { WORKLOADS, generateWorkload } from "../../../bench/workloads";

describe("benchmark workloads", () => {
  it("are deterministic and have the sizes of PERFORMANCE.md", () => {
    for (const name of ["BAROUF", "F1"] as const) {
      const a = generateWorkload(name);
      expect(JSON.stringify(a)).toBe(JSON.stringify(generateWorkload(name)));
      expect(JSON.stringify(a)).not.toBe(JSON.stringify(generateWorkload(name, 7)));
      const spec = WORKLOADS[name];
      expect([a.sessions.length, a.people.length, a.rooms.length, a.edition.days.length]).toEqual([spec.sessions, spec.people, spec.rooms, spec.days]);
      expect(new Set(a.people.map((p) => p.email)).size).toBe(a.people.length);
      expect(new Set(a.sessions.map((s) => s.slug)).size).toBe(a.sessions.length);
    }
  });

  it("F10 spans the DST change, has sessions across midnight and about 10% of placements in block/error conflicts", () => {
    const w = generateWorkload("F10");
    expect([w.sessions.length, w.people.length, w.rooms.length]).toEqual([11_000, 12_000, 350]);
    expect(w.edition.days.map((d) => (d.end - d.start) / 3_600_000)).toEqual([24, 24, 23, 24]);
    const crossing = w.sessions.filter((s) => {
      if (s.start === null) return false;
      const day = w.edition.days.find((d) => d.start <= s.start! && s.start! < d.end);
      return day !== undefined && s.end! > day.end;
    });
    expect(crossing.length).toBeGreaterThan(10);
    const placed = w.sessions.filter((s) => s.roomId !== null);
    const inConflict = new Set(checkProgramme(w).filter((c) => c.level === "block" || c.level === "error").flatMap((c) => c.sessions));
    const share = inConflict.size / placed.length;
    expect(share).toBeGreaterThan(0.07);
    expect(share).toBeLessThan(0.15);
  });
});
