import { afterEach, beforeEach, vi } from "vitest";

// Any console.error a test did not expect fails it. A test that expects one
// replaces the spy with its own (vi.spyOn(console, "error").mockImplementation(...)).
let errors: unknown[][] = [];

beforeEach(() => {
  errors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});

afterEach(() => {
  const seen = errors;
  errors = [];
  vi.restoreAllMocks();
  if (seen.length > 0) {
    throw new Error(
      `Unexpected console.error:\n${seen.map((args) => args.map(String).join(" ")).join("\n")}`,
    );
  }
});
