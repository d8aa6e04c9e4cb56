import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startProcess, stopProcess } from "./processes.js";

const tributaryBin = fileURLToPath(new URL("../../apps/server/bin/tributary.mjs", import.meta.url));

export interface TributaryProcess {
  readonly child: ChildProcess;
  readonly origin: string;
  readonly readyAfterMs: number;
  /** Stops the server (SIGTERM, so a --cpu-prof profile is written) and removes its data dir. */
  stop(): Promise<void>;
}

/**
 * `tributary start` as a user runs it (role all: API, worker and scheduler, embedded PGlite) in its
 * own process, on a fresh data dir. The general HTTP rate limit is lifted so the benchmark's own
 * traffic is not refused; `nodeArgs` can add e.g. `--cpu-prof`.
 */
export async function startTributaryProcess(options: {
  port: number;
  env?: Record<string, string>;
  nodeArgs?: readonly string[];
}): Promise<TributaryProcess> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "tributary-bench-"));
  const origin = `http://127.0.0.1:${options.port}`;
  try {
    const started = await startProcess(
      process.execPath,
      [...(options.nodeArgs ?? []), tributaryBin, "start"],
      {
        env: {
          ...process.env,
          TRIBUTARY_DATA_DIR: dataDir,
          PORT: String(options.port),
          LOG_LEVEL: "warn",
          RATE_LIMIT_PER_MINUTE: "100000000",
          ...options.env,
        },
        readyUrl: `${origin}/health/ready`,
        timeoutMs: 120_000,
      },
    );
    return {
      child: started.child,
      origin,
      readyAfterMs: started.readyAfterMs,
      async stop() {
        await stopProcess(started.child);
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
