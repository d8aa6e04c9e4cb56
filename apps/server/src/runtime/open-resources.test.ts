import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config/index.js";
import { openSql } from "../platform/sql/index.js";
import { createLogger } from "../platform/telemetry/logger.js";
import { openTestSql } from "../testing/test-sql.js";
import { openResources } from "./open-resources.js";

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function embeddedConfig() {
  const dataDir = await mkdtemp(path.join(tmpdir(), "tributary-resources-"));
  dirs.push(dataDir);
  return loadConfig({ env: { TRIBUTARY_DATA_DIR: dataDir, LOG_LEVEL: "silent" }, persistSecret: false });
}

describe("a sole process, and so the memory cache's reach", () => {
  it("is every node when the instance opened the embedded database, which admits no other process", async () => {
    const resources = await openResources(await embeddedConfig(), createLogger("silent"));
    try {
      expect(resources.soleProcess).toBe(true);
      expect(resources.cache.reachesEveryNode).toBe(true);
    } finally {
      await resources.close();
    }
  });

  it("is every node when the caller opened the embedded database and handed it over to own (tributary start)", async () => {
    const config = await embeddedConfig();
    const sql = await openSql(config.sql, { migrate: true });
    const resources = await openResources(config, createLogger("silent"), { sql, ownsSql: true });
    try {
      expect(resources.soleProcess).toBe(true);
      expect(resources.cache.reachesEveryNode).toBe(true);
    } finally {
      await resources.close();
    }
  });

  it("is this node only when the instance was handed an open database that others may share", async () => {
    const sql = await openTestSql("pglite");
    const resources = await openResources(await embeddedConfig(), createLogger("silent"), { sql });
    try {
      expect(resources.soleProcess).toBe(false);
      expect(resources.cache.reachesEveryNode).toBe(false);
    } finally {
      await resources.close();
      await sql.close();
    }
  });
});
