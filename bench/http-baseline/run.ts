import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runLoad } from "../lib/load.js";
import { rssMb, startProcess, stopProcess } from "../lib/processes.js";

const tributaryBin = fileURLToPath(new URL("../../apps/server/bin/tributary.mjs", import.meta.url));
const bareServer = fileURLToPath(new URL("./bare-server.mjs", import.meta.url));
const connections = 50;
const durationS = Number(process.env.BENCH_DURATION_S ?? 10);

/** bench/http-baseline: 10 s at 50 connections on /health/live, against a bare node:http server for the ratio. */
export async function httpBaseline(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "tributary-bench-"));
  const port = 18181;
  const tributary = await startProcess(process.execPath, [tributaryBin, "start"], {
    env: {
      ...process.env,
      TRIBUTARY_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: "warn",
      RATE_LIMIT_PER_MINUTE: "100000000",
    },
    readyUrl: `http://127.0.0.1:${port}/health/ready`,
  });
  try {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const idleRss = await rssMb(tributary.child.pid ?? 0);
    const result = await runLoad(`http://127.0.0.1:${port}/health/live`, { connections, durationS });
    const loadedRss = await rssMb(tributary.child.pid ?? 0);

    const barePort = port + 1;
    const bare = await startProcess(process.execPath, [bareServer], {
      env: { ...process.env, PORT: String(barePort) },
      readyUrl: `http://127.0.0.1:${barePort}/`,
    });
    const reference = await runLoad(`http://127.0.0.1:${barePort}/`, { connections, durationS }).finally(() =>
      stopProcess(bare.child),
    );

    await stopProcess(tributary.child);
    // A second start on the same data directory: the steady state of a running installation.
    const restarted = await startProcess(process.execPath, [tributaryBin, "start"], {
      env: { ...process.env, TRIBUTARY_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "warn" },
      readyUrl: `http://127.0.0.1:${port}/health/ready`,
    });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const restartRss = await rssMb(restarted.child.pid ?? 0);
    await stopProcess(restarted.child);

    console.log(`\nbench/http-baseline (${connections} connections, ${durationS} s, GET /health/live)`);
    console.log(
      `  ready after first start: ${tributary.readyAfterMs} ms (target < 10000); after restart: ${restarted.readyAfterMs} ms`,
    );
    console.log(
      `  idle RSS after first start: ${idleRss} MB, after load: ${loadedRss} MB, after restart: ${restartRss} MB (target < 250 MB)`,
    );
    console.log(
      `  tributary:  ${Math.round(result.requestsPerSecond)} req/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms  errors ${result.errors}  non-2xx ${result.non2xx}`,
    );
    console.log(
      `  bare node:  ${Math.round(reference.requestsPerSecond)} req/s  p50 ${reference.p50Ms} ms  p99 ${reference.p99Ms} ms`,
    );
    console.log(
      `  ratio tributary / bare node:http: throughput ${(result.requestsPerSecond / reference.requestsPerSecond).toFixed(2)}, p99 ${(result.p99Ms / Math.max(reference.p99Ms, 0.001)).toFixed(2)}`,
    );
  } finally {
    await stopProcess(tributary.child);
    await rm(dataDir, { recursive: true, force: true });
  }
}
