import { Command, InvalidArgumentError, Option } from "commander";
import { ConfigError } from "../config/index.js";

const program = new Command("tributary")
  .description("Tributary: documents, retrieval, an LLM gateway and agents in one self-hosted platform")
  .showHelpAfterError();

program
  .command("start")
  .description("Serve the API and web app and run the workers and scheduler (or one --role, for scale-out)")
  .addOption(
    new Option("--role <role>", "which part to run")
      .choices(["all", "api", "worker", "scheduler"])
      .default("all"),
  )
  .option("--port <port>", "HTTP port (overrides PORT)", parsePort)
  .action(async (options: { role: "all" | "api" | "worker" | "scheduler"; port?: number }) => {
    // Commands load their modules lazily, so `start` can open the database while the rest loads.
    const { runStart } = await import("./start.js");
    await runStart(options);
  });

program
  .command("migrate")
  .description("Apply pending database migrations and exit")
  .option("--json", "print the result as JSON")
  .action(async (options: { json?: boolean }) => {
    const { runMigrate } = await import("./migrate.js");
    await runMigrate(options);
  });

program
  .command("doctor")
  .description("Print the effective configuration (secrets redacted) and the health of every adapter")
  .option("--json", "print the report as JSON")
  .action(async (options: { json?: boolean }) => {
    const { runDoctor } = await import("./doctor.js");
    process.exitCode = await runDoctor(options);
  });

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError("must be 0 to 65535");
  return port;
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
