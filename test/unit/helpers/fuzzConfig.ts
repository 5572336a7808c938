/**
 * How many cases the property tests (properties.test.ts) run. `FUZZ_RUNS` is the number of runs of
 * each property; `npm test` uses the default, `npm run fuzz` (scripts/fuzz.mjs) sets it so that all
 * properties together run FUZZ_TOTAL cases. Not a test file: mocha only loads `*.test.js`.
 */

/** Runs of each property under `npm test`: a few thousand cases in all, well under 30 s. */
export const DEFAULT_RUNS_PER_PROPERTY = 300;

/** The properties in properties.test.ts that take FUZZ_RUNS (kept in step by a test there). */
export const PROPERTY_COUNT = 12;

export function runsPerProperty(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.FUZZ_RUNS);
  return Number.isSafeInteger(value) && value > 0 ? value : DEFAULT_RUNS_PER_PROPERTY;
}
