import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { vector } from "@electric-sql/pglite-pgvector";

const rss = () =>
  Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))[1]) / 1024);
const ext = process.argv[3] === "ext" ? { vector, pg_trgm } : {};
const b = rss();
const a = await PGlite.create({
  dataDir: process.argv[2],
  extensions: ext,
  startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"],
});
await a.query("select 1");
await new Promise((r) => setTimeout(r, 1000));
console.log(process.argv[3], "delta", rss() - b, process.memoryUsage());
