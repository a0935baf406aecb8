import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkProgramme, createChecker, fingerprintFor, type Conflict, type ProgrammeInput } from "~/domain/conflicts";
import { PLACEMENT_RULES } from "~/domain/conflicts/suggestions";
import { applyChange, changeArb, programmeArb } from "./arbitraries";
import { oracle, orderOf, plain, type Plain } from "./oracle";

/** Adds acknowledgements for some of the programme's conflicts, some current and some stale. */
function withAcknowledgements(input: ProgrammeInput, picks: number[], stale: boolean[]): ProgrammeInput {
  const found = oracle(input);
  if (found.length === 0) return input;
  const acknowledgements = picks.map((pick, i) => {
    const c = found[pick % found.length];
    return {
      id: `ack${i}`,
      rule: c.rule,
      key: c.key,
      fingerprint: stale[i] ? "v1-stale" : fingerprintFor(input, c),
      reason: "Accepted by the programme team",
    };
  });
  return { ...input, acknowledgements };
}

const programmeWithAcks = fc
  .tuple(programmeArb, fc.array(fc.nat(), { maxLength: 3 }), fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }))
  .map(([input, picks, stale]) => withAcknowledgements(input, picks, stale));

const signature = (c: Plain | Conflict) => `${c.key}#${c.level}#${c.acknowledged}`;

describe("checkProgramme against the pair-by-pair oracle", () => {
  it("returns exactly the oracle's conflicts, in the defined order", () => {
    let total = 0;
    fc.assert(
      fc.property(programmeWithAcks, (input) => {
        const expected = oracle(input);
        const actual = checkProgramme(input).map(plain);
        total += actual.length;
        expect(actual).toEqual(expected);
        // The defined order is total: sorting again changes nothing.
        expect([...actual].sort(orderOf)).toEqual(actual);
      }),
      { numRuns: 3000 },
    );
    expect(total).toBeGreaterThan(3000); // the generator does produce conflicts
  });

  it("is deterministic: the same input twice gives identical output, messages included", () => {
    fc.assert(
      fc.property(programmeWithAcks, (input) => {
        const a = checkProgramme(input);
        const b = checkProgramme(structuredClone(input));
        expect(JSON.stringify(a)).toEqual(JSON.stringify(b));
      }),
      { numRuns: 300 },
    );
  });
});

describe("incremental checker", () => {
  it("preview equals the difference of full checks; apply keeps conflicts() equal to a full check", () => {
    const scenario = programmeWithAcks
      .filter((input) => input.sessions.length > 0)
      .chain((input) => fc.tuple(fc.constant(input), fc.array(changeArb(input), { minLength: 1, maxLength: 5 })));
    fc.assert(
      fc.property(scenario, ([input, changes]) => {
        const checker = createChecker(input);
        let current = input;
        for (const change of changes) {
          const before = checkProgramme(current);
          const next = applyChange(current, change);
          const after = checkProgramme(next);
          const beforeSigs = new Set(before.map(signature));
          const afterSigs = new Set(after.map(signature));
          const { appeared, disappeared } = checker.preview(change);
          expect(appeared.map(signature).sort()).toEqual(after.filter((c) => !beforeSigs.has(signature(c))).map(signature).sort());
          expect(disappeared.map(signature).sort()).toEqual(before.filter((c) => !afterSigs.has(signature(c))).map(signature).sort());
          // Preview leaves the state as it was.
          expect(checker.conflicts().map(plain)).toEqual(before.map(plain));
          checker.apply(change);
          expect(checker.conflicts().map(plain)).toEqual(after.map(plain));
          current = next;
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("suggestions", () => {
  const placementRules = new Set<string>(PLACEMENT_RULES);
  it("leave the session free of block/error placement conflicts, least change first", () => {
    const scenario = programmeArb
      .filter((input) => input.sessions.length > 0)
      .chain((input) => fc.tuple(fc.constant(input), fc.nat({ max: input.sessions.length - 1 })));
    let suggested = 0;
    fc.assert(
      fc.property(scenario, ([input, index]) => {
        const session = input.sessions[index];
        const suggestions = createChecker(input).suggest(session.id, 3);
        expect(suggestions.length).toBeLessThanOrEqual(3);
        if (session.status === "cancelled") expect(suggestions).toEqual([]);
        for (let i = 1; i < suggestions.length; i++) expect(suggestions[i].cost).toBeGreaterThanOrEqual(suggestions[i - 1].cost);
        const known = new Set(input.people.map((p) => p.id));
        for (const s of suggestions) {
          suggested++;
          const moved = applyChange(input, { kind: "move", sessionId: session.id, roomId: s.roomId, start: s.start, end: s.end });
          const left = checkProgramme(moved).filter(
            (c) =>
              c.sessions.includes(session.id) &&
              (c.level === "block" || c.level === "error") &&
              placementRules.has(c.rule) &&
              !(c.rule === "SPEAKER_UNAVAILABLE" && c.people.some((p) => !known.has(p))),
          );
          expect(left.map((c) => c.key)).toEqual([]);
          expect(input.edition.days.some((d) => d.start <= s.start && s.start < d.end)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
    expect(suggested).toBeGreaterThan(100);
  });
});
