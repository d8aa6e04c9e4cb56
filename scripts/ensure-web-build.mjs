#!/usr/bin/env node
// `npm start` serves the web app from apps/web/dist: build it when it is missing or older than its
// sources, so a fresh clone needs only `npm install && npm start`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const web = new URL("../apps/web/", import.meta.url).pathname;
const builtAt = existsSync(join(web, "dist/index.html")) ? statSync(join(web, "dist/index.html")).mtimeMs : 0;
const sources = [
  "src",
  "index.html",
  "vite.config.ts",
  "package.json",
  "public",
  "../../packages/contracts/src",
].map((name) => join(web, name));

function newestIn(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestIn(join(path, name))));
}

if (builtAt > 0 && Math.max(...sources.map(newestIn)) <= builtAt) process.exit(0);
console.log("Building the web app (apps/web)…");
const result = spawnSync("npm", ["run", "build", "--workspace", "@tributary/web"], { stdio: "inherit" });
process.exit(result.status ?? 1);
