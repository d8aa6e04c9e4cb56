#!/usr/bin/env node
// Regenerates apps/server/assets/pglite-template.tgz: a freshly initialised PGlite data directory.
// A first start unpacks it instead of running initdb (about half the first-start time). Run it
// after upgrading @electric-sql/pglite; a test fails while the template's version is stale.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

const require = createRequire(new URL("../apps/server/package.json", import.meta.url));
const { PGlite } = await import(require.resolve("@electric-sql/pglite"));
const { pg_trgm } = await import(require.resolve("@electric-sql/pglite/contrib/pg_trgm"));
const { vector } = await import(require.resolve("@electric-sql/pglite-pgvector"));
const pgliteMain = require.resolve("@electric-sql/pglite");
const pglitePackage = JSON.parse(
  await readFile(path.join(pgliteMain.slice(0, pgliteMain.lastIndexOf("/dist/")), "package.json"), "utf8"),
);

const assets = new URL("../apps/server/assets/", import.meta.url);
const dir = await mkdtemp(path.join(tmpdir(), "pglite-template-"));
const db = await PGlite.create({ dataDir: dir, extensions: { vector, pg_trgm } });
const blob = await db.dumpDataDir("gzip");
await db.close();
await writeFile(new URL("pglite-template.tgz", assets), Buffer.from(await blob.arrayBuffer()));
await writeFile(
  new URL("pglite-template.json", assets),
  `${JSON.stringify({ pglite: pglitePackage.version, bytes: blob.size }, null, 2)}\n`,
);
await rm(dir, { recursive: true, force: true });
console.log(`wrote pglite-template.tgz for PGlite ${pglitePackage.version} (${blob.size} bytes)`);
process.exit(0);
