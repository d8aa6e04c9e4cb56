import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../../bin/tributary.mjs", import.meta.url));
let dataDir: string;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function tributary(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH, TRIBUTARY_DATA_DIR: dataDir, LOG_LEVEL: "warn", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "tributary-cli-"));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("tributary CLI", () => {
  it("migrate applies every migration once, then reports the database up to date", async () => {
    const first = await tributary(["migrate", "--json"]);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout).applied.length).toBeGreaterThan(3);
    const second = await tributary(["migrate"]);
    expect(second.stdout).toContain("up to date");
  }, 60_000);

  it("doctor prints the effective config with secrets redacted and every adapter's health", async () => {
    const run = await tributary(["doctor", "--json"], { TRIBUTARY_SECRET_KEY: "s".repeat(44) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.config.secretKey).toBe("***");
    expect(run.stdout).not.toContain("s".repeat(44));
    expect(report.health.status).toBe("ready");
    expect(report.health.components.map((c: { name: string }) => c.name)).toContain("database");
  }, 60_000);

  it("stops with one line per invalid setting and the config exit code", async () => {
    const run = await tributary(["doctor"], { PORT: "http", REDIS_URL: "localhost" });
    expect(run.code).toBe(78);
    expect(run.stderr).toContain("PORT:");
    expect(run.stderr).toContain("REDIS_URL:");
  }, 30_000);

  it("start serves until SIGTERM, then drains and exits cleanly", async () => {
    const port = 18000 + Math.floor(Math.random() * 1000);
    const child = spawn(process.execPath, [bin, "start", "--port", String(port)], {
      env: { PATH: process.env.PATH, TRIBUTARY_DATA_DIR: dataDir, LOG_LEVEL: "info" },
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const deadline = Date.now() + 30_000;
    let ready = false;
    while (!ready && Date.now() < deadline) {
      ready = await fetch(`http://127.0.0.1:${port}/health/ready`)
        .then((res) => res.status === 200)
        .catch(() => false);
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(ready).toBe(true);
    // It opened the embedded database itself, so it knows it is the whole deployment.
    expect(output).toMatch(/"sole_process":true[^\n]*"msg":"tributary started"/);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("tributary stopped");
  }, 60_000);

  it("refuses to open an embedded database another process holds", async () => {
    const port = 19000 + Math.floor(Math.random() * 1000);
    const holder = spawn(process.execPath, [bin, "start", "--role", "worker", "--port", String(port)], {
      env: { PATH: process.env.PATH, TRIBUTARY_DATA_DIR: dataDir, LOG_LEVEL: "info" },
    });
    const exited = new Promise<number | null>((resolve) => holder.on("exit", resolve));
    await new Promise<void>((resolve) => {
      holder.stdout.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("tributary started")) resolve();
      });
    });
    const second = await tributary(["migrate"]);
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain(`in use by process ${holder.pid}`);
    holder.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 60_000);
});
