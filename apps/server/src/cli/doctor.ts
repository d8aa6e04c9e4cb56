import { loadConfig, redactConfig } from "../config/index.js";
import { checkReadiness } from "../http/health-routes.js";
import { createLogger } from "../platform/telemetry/logger.js";
import { healthProbes } from "../runtime/health-probes.js";
import { openResources } from "../runtime/open-resources.js";

/** `tributary doctor`: effective configuration (secrets redacted) and each adapter's health. Exit 1 if any is down. */
export async function runDoctor(options: { json?: boolean }): Promise<number> {
  const config = loadConfig({ persistSecret: false });
  const logger = createLogger("silent");
  const report: { config: Record<string, unknown>; health: unknown; error?: string } = {
    config: redactConfig(config),
    health: null,
  };
  let healthy = false;
  try {
    const resources = await openResources(config, logger, { migrate: false });
    try {
      const readiness = await checkReadiness(healthProbes(config, resources));
      report.health = readiness;
      healthy = readiness.status === "ready";
    } finally {
      await resources.close();
    }
  } catch (error) {
    report.error = (error as Error).message;
  }
  if (options.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log("Effective configuration (secrets redacted):");
    console.log(JSON.stringify(report.config, null, 2));
    if (report.error) console.log(`\nCould not open the adapters: ${report.error}`);
    const health = report.health as Awaited<ReturnType<typeof checkReadiness>> | null;
    if (health) {
      console.log("\nAdapters:");
      for (const c of health.components) {
        const detail = c.status === "up" ? `${c.latency_ms} ms` : c.error;
        console.log(
          `  ${c.status === "up" ? "✔" : "✘"} ${c.name.padEnd(9)} ${c.adapter.padEnd(12)} ${detail}`,
        );
      }
    }
  }
  return healthy ? 0 : 1;
}
