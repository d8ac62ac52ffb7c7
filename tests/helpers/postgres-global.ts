import type { TestProject } from "vitest/node";
import { startCluster } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** A PostgreSQL URL whose user may create databases: each test file makes its own. */
    postgresAdminUrl: string;
  }
}

/** Once per vitest run: MOFSCOPE_TEST_DATABASE_URL when set, else a throwaway cluster removed at the end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.MOFSCOPE_TEST_DATABASE_URL;
  if (external) {
    project.provide("postgresAdminUrl", external);
    return async () => undefined;
  }
  const cluster = await startCluster({ fast: true });
  project.provide("postgresAdminUrl", cluster.url());
  return () => cluster.destroy();
}
