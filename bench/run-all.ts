import { gateway } from "./gateway/run.js";
import { httpBaseline } from "./http-baseline/run.js";
import { ingestion } from "./ingestion/run.js";

/** `npm run bench`: every benchmark in turn; each prints its own figures. Filter with `npm run bench -- <name>`. */
const benchmarks: Record<string, () => Promise<void>> = {
  "http-baseline": httpBaseline,
  ingestion,
  gateway,
};

const only = process.argv.slice(2);
const unknown = only.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(", ")}; known: ${Object.keys(benchmarks).join(", ")}`);
  process.exit(2);
}
for (const [name, run] of Object.entries(benchmarks)) {
  if (only.length > 0 && !only.includes(name)) continue;
  await run();
}
