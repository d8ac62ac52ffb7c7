import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    include: ["tests/**/*.test.ts"],
    testTimeout: 20_000,
    // one PostgreSQL cluster per run (or MOFSCOPE_TEST_DATABASE_URL); each test file creates its own databases on it
    globalSetup: ["tests/helpers/postgres-global.ts"],
  },
});
