import { readFileSync } from "node:fs";

/** The server package's version, shown in the OpenAPI document and `doctor`. */
export const version: string = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;
