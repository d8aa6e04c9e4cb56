import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Two cores: two test processes. Files in a process share one PGlite (see testing/test-sql.ts).
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 10_000,
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          include: [
            "apps/server/src/**/*.test.ts",
            "packages/*/src/**/*.test.ts",
            "bench/**/*.test.ts",
            "eval/**/*.test.ts",
            "scripts/**/*.test.ts",
          ],
          pool: "forks",
          isolate: false,
        },
      },
      {
        // The web app's component tests: a DOM (happy-dom) and React's JSX transform.
        extends: true,
        plugins: [react()],
        test: {
          name: "web",
          include: ["apps/web/src/**/*.test.tsx", "apps/web/src/**/*.test.ts"],
          environment: "happy-dom",
        },
      },
    ],
  },
});
