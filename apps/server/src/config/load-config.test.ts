import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, redactConfig } from "./index.js";

const tempDir = () => mkdtemp(path.join(tmpdir(), "tributary-config-"));

describe("loadConfig", () => {
  it("runs on embedded defaults with nothing set", async () => {
    const dir = await tempDir();
    const config = loadConfig({ env: { TRIBUTARY_DATA_DIR: dir } });
    expect(config.port).toBe(8080);
    expect(config.sql).toEqual({
      kind: "pglite",
      dataDir: path.join(dir, "pgdata"),
      appRole: "tributary_app",
      sharedBuffers: "16MB",
    });
    expect(config.events.kind).toBe("in-process");
    expect(config.objects).toEqual({ kind: "filesystem", root: path.join(dir, "objects") });
    expect(config.cache.kind).toBe("memory");
  });

  it("polls the embedded database's jobs and outbox every few seconds, a server's twice a second or more", async () => {
    const dataDir = await tempDir();
    const embedded = loadConfig({ env: { TRIBUTARY_DATA_DIR: dataDir } });
    expect(embedded.jobs.pollIntervalMs).toBe(5_000);
    expect(embedded.eventsTuning.pollIntervalMs).toBe(5_000);
    const server = loadConfig({
      env: { TRIBUTARY_DATA_DIR: dataDir, DATABASE_URL: "postgres://app@db:5432/tributary" },
    });
    expect(server.jobs.pollIntervalMs).toBe(500);
    expect(server.eventsTuning.pollIntervalMs).toBe(250);
    const chosen = loadConfig({
      env: { TRIBUTARY_DATA_DIR: dataDir, JOBS_POLL_INTERVAL_MS: "100", EVENTS_POLL_INTERVAL_MS: "50" },
    });
    expect(chosen.jobs.pollIntervalMs).toBe(100);
    expect(chosen.eventsTuning.pollIntervalMs).toBe(50);
  });

  it("generates the secret key into the data dir once and reuses it", async () => {
    const dir = await tempDir();
    const first = loadConfig({ env: { TRIBUTARY_DATA_DIR: dir } });
    const second = loadConfig({ env: { TRIBUTARY_DATA_DIR: dir } });
    expect(first.secretKey).toHaveLength(44);
    expect(second.secretKey).toBe(first.secretKey);
    expect((await readFile(path.join(dir, "secret.key"), "utf8")).trim()).toBe(first.secretKey);
  });

  it("chooses the server adapters from their URLs", async () => {
    const config = loadConfig({
      env: {
        TRIBUTARY_DATA_DIR: await tempDir(),
        DATABASE_URL: "postgres://app:pw@db:5432/tributary",
        REDIS_URL: "redis://cache:6379",
        NATS_URL: "nats://bus:4222",
        S3_ENDPOINT: "http://minio:9000",
        S3_BUCKET: "docs",
      },
    });
    expect(config.sql.kind).toBe("postgres");
    expect(config.cache).toEqual({ kind: "redis", url: "redis://cache:6379" });
    expect(config.events).toEqual({ kind: "nats", url: "nats://bus:4222", stream: "TRIBUTARY_EVENTS" });
    expect(config.objects.kind).toBe("s3");
    const redacted = JSON.stringify(redactConfig(config));
    expect(redacted).not.toContain(config.secretKey);
    expect(redacted).not.toContain(":pw@");
  });

  it("stops with one clear line per problem", () => {
    try {
      loadConfig({
        env: { PORT: "99999", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud", TRIBUTARY_DATA_DIR: "/tmp/x" },
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(3);
      expect(problems.find((p) => p.startsWith("PORT:"))).toBeTruthy();
      expect(problems.find((p) => p.startsWith("DATABASE_URL:"))).toContain("postgres://");
      expect(problems.find((p) => p.startsWith("LOG_LEVEL:"))).toBeTruthy();
    }
  });

  it("reads an optional config file, with the environment taking precedence", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "tributary.yaml");
    await writeFile(file, `PORT: 9000\nLOG_LEVEL: debug\nTRIBUTARY_DATA_DIR: ${dir}\n`);
    const config = loadConfig({ env: { TRIBUTARY_CONFIG: file, LOG_LEVEL: "warn" } });
    expect(config.port).toBe(9000);
    expect(config.logLevel).toBe("warn");
    await writeFile(file, "NOT_A_SETTING: 1\n");
    expect(() => loadConfig({ env: { TRIBUTARY_CONFIG: file } })).toThrow(/unknown settings NOT_A_SETTING/);
  });
});
