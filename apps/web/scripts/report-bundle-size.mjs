#!/usr/bin/env node
// Prints the gzipped size of the JavaScript the first page load needs (the entry and what index.html
// preloads) and fails the build above the budget: every other page is a lazy chunk.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const budgetBytes = Number(process.env.WEB_INITIAL_JS_BUDGET_KB ?? 300) * 1024;
const dist = new URL("../dist/", import.meta.url).pathname;
const html = readFileSync(join(dist, "index.html"), "utf8");
const initial = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const file of initial) {
  const size = gzipSync(readFileSync(join(dist, file))).length;
  total += size;
  console.log(`  initial  ${(size / 1024).toFixed(1).padStart(7)} KB gz  ${file}`);
}
console.log(`initial JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (budget ${budgetBytes / 1024} KB)`);
if (total > budgetBytes) {
  console.error("initial JavaScript is over budget: load the new code lazily");
  process.exit(1);
}
