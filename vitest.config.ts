import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "apps/*/src/**/*.test.ts",
      "packages/*/src/**/*.test.ts",
      "bench/**/*.test.ts",
      "eval/**/*.test.ts",
      "scripts/**/*.test.ts",
    ],
    pool: "forks",
    // Two cores: two test processes. Files in a process share one PGlite (see testing/test-sql.ts).
    maxWorkers: 2,
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 10_000,
  },
});
