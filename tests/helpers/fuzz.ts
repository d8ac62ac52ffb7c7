/** Runs per fast-check property in the API fuzz tests (tests/integration/api-hostile.test.ts); the bench reports it. */
export const API_FUZZ_RUNS = 300;
