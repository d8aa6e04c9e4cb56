import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { expect, it } from "vitest";

it("ships a PGlite data-dir template made by the installed PGlite version", async () => {
  const require = createRequire(import.meta.url);
  const main = require.resolve("@electric-sql/pglite");
  const installed = JSON.parse(
    await readFile(
      path.join(main.slice(0, main.lastIndexOf(`${path.sep}dist${path.sep}`)), "package.json"),
      "utf8",
    ),
  ).version;
  const template = JSON.parse(
    await readFile(new URL("../../../assets/pglite-template.json", import.meta.url), "utf8"),
  );
  expect(template.pglite, "regenerate with: node scripts/make-pglite-template.mjs").toBe(installed);
});
