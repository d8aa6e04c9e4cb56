import { httpBaseline } from "./http-baseline/run.js";

/** `npm run bench`: every benchmark in turn; each prints its own figures. Filter with `npm run bench -- <name>`. */
const benchmarks: Record<string, () => Promise<void>> = {
  "http-baseline": httpBaseline,
};

const only = process.argv.slice(2);
for (const [name, run] of Object.entries(benchmarks)) {
  if (only.length > 0 && !only.includes(name)) continue;
  await run();
}
