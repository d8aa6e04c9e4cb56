import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors/index.js";
import { entryBase, escapeSegment, locateObject, unescapeSegment } from "./filesystem-layout.js";
import { createFilesystemObjectStore } from "./filesystem-store.js";
import type { ObjectStore } from "./port.js";

// What only the filesystem store has to get right: its disk layout. The shared behaviour is
// in contract.test.ts.
describe("filesystem layout", () => {
  it.each(["a", "A", "été", "%41", "~x", "a b", ".hidden", "..."])("escapes %j reversibly", (segment) => {
    const escaped = escapeSegment(segment);
    expect(escaped).toMatch(/^[a-z0-9._%A-F-]+$/);
    expect(unescapeSegment(escaped)).toBe(segment);
  });

  it("keeps names apart on case-insensitive disks", () => {
    expect(entryBase("A").toLowerCase()).not.toBe(entryBase("a").toLowerCase());
  });

  it("hashes segments too long for a file name", () => {
    expect(entryBase("é".repeat(500))).toMatch(/^~[0-9a-f]{64}$/);
  });

  it("never places an object outside its root", () => {
    const { file } = locateObject("/root", "a/b/c.txt");
    expect(file).toBe(path.join("/root", "a.d", "b.d", "c.txt.o"));
  });
});

describe("filesystem store", () => {
  let root: string;
  let store: ObjectStore;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "tributary-fs-objects-"));
    store = createFilesystemObjectStore(root);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("stores and lists segments longer than a file name allows", async () => {
    const keys = [`long/${"é".repeat(500)}/x`, `long/${"z".repeat(300)}`, "long/a"];
    for (const key of keys) await store.put(key, Buffer.from(key));
    for (const key of keys)
      expect(await store.head(key)).toMatchObject({ key, size: Buffer.byteLength(key) });
    const listed = (await store.list("long/")).keys.map((info) => info.key);
    expect(listed).toEqual(["long/a", `long/${"z".repeat(300)}`, `long/${"é".repeat(500)}/x`]);
  });

  it("keeps streaming the version it opened while a put replaces it", async () => {
    await store.put("snapshot/doc", Buffer.alloc(256 * 1024, 1));
    const old = await store.get("snapshot/doc");
    await store.put("snapshot/doc", Buffer.from("new"));
    const chunks: Buffer[] = [];
    for await (const chunk of old.body) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(Buffer.alloc(256 * 1024, 1));
    expect((await store.head("snapshot/doc"))?.size).toBe(3);
  });

  it("leaves no temporary files behind", async () => {
    await store.put("tidy/doc", Buffer.from("x"));
    await store.put("tidy/doc", Buffer.from("y"), { contentLength: 2 }).catch(() => undefined);
    expect(await readdir(path.join(root, "tidy.d"))).toEqual(["doc.o"]);
  });

  it("reports a damaged object file as an internal error, not as missing", async () => {
    await store.put("damaged/doc", Buffer.from("x"));
    await writeFile(locateObject(root, "damaged/doc").file, "not an object file");
    const error = await store.get("damaged/doc").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("INTERNAL_ERROR");
  });
});
