import { expect, test } from "@playwright/test";
import { APP_PORT } from "../playwright.config";
import { type MockUpstream, startMockUpstream } from "../tests/helpers/mock-upstream";
import { runServerFaultCase, SERVER_FAULT_CASES } from "../tests/helpers/server-faults";

// each case gets a fresh `next start` (own database, 2.5 s upstream timeout) against this file's own mock, so a
// cached answer can never hide a fault; the lib-level versions of these faults are in tests/integration/audit-*.test.ts
let mock: MockUpstream;

test.beforeAll(async () => {
  mock = await startMockUpstream();
});

test.afterAll(async () => {
  await mock.close();
});

test.describe("audit through the server with a faulty upstream", () => {
  for (const c of SERVER_FAULT_CASES) {
    test(c.name, async () => {
      test.setTimeout(c.budgetMs * 2 + 30_000);
      expect(await runServerFaultCase(mock, c, APP_PORT + 18, "test-results/e2e")).toEqual([]);
    });
  }
});
