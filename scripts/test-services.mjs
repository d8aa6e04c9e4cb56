#!/usr/bin/env node
// `npm run test:services`: the same suites against real servers named by DATABASE_URL, REDIS_URL
// and NATS_URL. With none set it prints why and skips (exit 0); with some set, the suites of the
// missing ones skip with their reason printed by the suites themselves.
import { spawnSync } from "node:child_process";

const services = ["DATABASE_URL", "REDIS_URL", "NATS_URL"];
const present = services.filter((name) => process.env[name]);
const missing = services.filter((name) => !process.env[name]);

if (present.length === 0) {
  console.log(
    `test:services skipped: none of ${services.join(", ")} is set. ` +
      "Example: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379 " +
      "NATS_URL=nats://127.0.0.1:4222 npm run test:services",
  );
  process.exit(0);
}
if (missing.length > 0) console.log(`test:services: ${missing.join(", ")} not set; those suites skip.`);
console.log(
  `test:services: running against ${present.map((name) => `${name}=${redact(process.env[name])}`).join(" ")}`,
);

const result = spawnSync("npx", ["vitest", "run", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, TRIBUTARY_TEST_LANE: "services" },
});
process.exit(result.status ?? 1);

function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable)";
  }
}
