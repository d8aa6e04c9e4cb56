// Hosts PGlite in a worker thread and serves it over the PostgreSQL wire protocol on loopback,
// so the application always speaks `pg` and long queries never block the HTTP event loop.
// Plain JavaScript on purpose: worker threads start without the TypeScript loader.

import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { vector } from "@electric-sql/pglite-pgvector";
import { startWireServer } from "./pglite-wire-server.mjs";

const { dataDir, loadDumpFrom, sharedBuffers } = workerData;

async function main() {
  const seed = loadDumpFrom ?? (await initialisedTemplateFor(dataDir));
  const loadDataDir = seed ? new Blob([await readFile(seed)]) : undefined;
  const db = await PGlite.create({
    dataDir: dataDir ?? undefined,
    extensions: { vector, pg_trgm },
    loadDataDir,
    // PostgreSQL's 128 MB default buffer pool is sized for a server; an embedded database on a
    // laptop does well with less (PGLITE_SHARED_BUFFERS).
    startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${sharedBuffers ?? "16MB"}`],
  });
  releaseInitdbMemory();
  const server = await startWireServer(db);
  parentPort.postMessage({ type: "ready", port: server.port });

  parentPort.on("message", async (message) => {
    try {
      if (message.type === "dump") {
        const blob = await db.dumpDataDir("none");
        await writeFile(message.path, Buffer.from(await blob.arrayBuffer()));
        parentPort.postMessage({ type: "dumped", id: message.id });
      } else if (message.type === "close") {
        await server.stop();
        await db.close();
        parentPort.postMessage({ type: "closed" });
      }
    } catch (error) {
      parentPort.postMessage({ type: "error", id: message.id, message: String(error?.stack ?? error) });
    }
  });
}

// A new data directory starts from the shipped, freshly initialised template instead of running
// initdb (which takes seconds), provided the template was made by the PGlite version installed.
async function initialisedTemplateFor(directory) {
  if (!directory || existsSync(path.join(directory, "PG_VERSION"))) return undefined;
  const assets = new URL("../../../assets/", import.meta.url);
  const template = fileURLToPath(new URL("pglite-template.tgz", assets));
  if (!existsSync(template)) return undefined;
  const { pglite } = JSON.parse(await readFile(new URL("pglite-template.json", assets), "utf8"));
  return pglite === (await installedPgliteVersion()) ? template : undefined;
}

async function installedPgliteVersion() {
  const main = fileURLToPath(import.meta.resolve("@electric-sql/pglite"));
  const manifest = path.join(main.slice(0, main.lastIndexOf(`${path.sep}dist${path.sep}`)), "package.json");
  return JSON.parse(await readFile(manifest, "utf8")).version;
}

// A first start runs initdb in a second WebAssembly instance whose ~400 MB stays resident until a
// full garbage collection; ask for one now rather than whenever V8 gets to it.
function releaseInitdbMemory() {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc");
  if (typeof gc === "function") gc();
}

main().catch((error) => {
  parentPort.postMessage({ type: "error", message: String(error?.stack ?? error) });
});
