import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export interface RunningServer {
  readonly url: string;
  readonly logPath: string;
  stop(): Promise<void>;
}

const serverBin = new URL("../../server/bin/tributary.mjs", import.meta.url).pathname;

/** A fresh Tributary process on embedded defaults (PGlite, local disk) in its own data directory. */
export async function startServer(
  env: Record<string, string>,
  logDir: string,
  port: number,
): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), "tributary-e2e-"));
  const logPath = join(logDir, "server.log");
  const log = createWriteStream(logPath);
  const child: ChildProcess = spawn(process.execPath, [serverBin, "start"], {
    env: {
      ...process.env,
      TRIBUTARY_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      // info: refused requests are logged with their reason, which a failed journey needs.
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}; see ${logPath}`);
    const ready = await fetch(`${url}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`the server was not ready within 60 s; see ${logPath}`);
    await sleep(200);
  }
  return {
    url,
    logPath,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(10_000)]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
