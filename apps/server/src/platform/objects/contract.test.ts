import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServices } from "../../config/test-services.js";
import { startTestS3 } from "../../testing/s3-server.js";
import { AppError } from "../errors/index.js";
import { invalidObjectKeys } from "./invalid-object-keys.js";
import { openObjectStore } from "./open-object-store.js";
import type { ObjectStore } from "./port.js";

const services = testServices();

interface StoreFixture {
  readonly store: ObjectStore;
  /** Every file in the backing directory, to prove a refused call wrote nothing anywhere. */
  storedFiles(): Promise<string[]>;
  close(): Promise<void>;
}

async function filesUnder(directory: string): Promise<string[]> {
  return (await readdir(directory, { recursive: true })).sort();
}

async function openFilesystemFixture(): Promise<StoreFixture> {
  // The root sits one level down so that an escape through `..` would land inside the snapshot.
  const parent = await mkdtemp(path.join(tmpdir(), "tributary-objects-"));
  const store = await openObjectStore({ kind: "filesystem", root: path.join(parent, "objects") });
  return {
    store,
    storedFiles: () => filesUnder(parent),
    close: async () => {
      await store.close();
      await rm(parent, { recursive: true, force: true });
    },
  };
}

async function openS3Fixture(): Promise<StoreFixture> {
  const s3 = await startTestS3();
  const store = await openObjectStore({ kind: "s3", region: "us-east-1", forcePathStyle: true, ...s3 });
  return {
    store,
    storedFiles: () => filesUnder(s3.directory),
    close: async () => {
      await store.close();
      await s3.close();
    },
  };
}

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function sha256Of(body: Readable): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of body) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), bytes };
}

/** A generated stream of `chunks` × 64 KiB, hashed as it is produced; nothing holds it whole. */
function generatedStream(chunks: number): { stream: Readable; sha256: () => string } {
  const hash = createHash("sha256");
  async function* produce() {
    for (let i = 0; i < chunks; i++) {
      const chunk = randomBytes(64 * 1024);
      hash.update(chunk);
      yield chunk;
    }
  }
  return { stream: Readable.from(produce()), sha256: () => hash.digest("hex") };
}

const md5 = (data: Buffer | string) => createHash("md5").update(data).digest("hex");

async function expectAppError(work: Promise<unknown>, code: AppError["code"]): Promise<void> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

function objectStoreContract(kind: ObjectStore["kind"], openFixture: () => Promise<StoreFixture>) {
  let fixture: StoreFixture;
  let store: ObjectStore;
  beforeAll(async () => {
    fixture = await openFixture();
    store = fixture.store;
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it("is the adapter asked for and passes its health probe", async () => {
    expect(store.kind).toBe(kind);
    await store.probe();
  });

  it("round-trips a small buffer with its content type and metadata", async () => {
    const body = Buffer.from("hello, tributary");
    const put = await store.put("small/hello.txt", body, {
      contentType: "text/plain; charset=utf-8",
      metadata: { "tenant-id": "tenant_1", "original-name": "hello.txt" },
    });
    expect(put).toEqual({ key: "small/hello.txt", size: body.length, etag: md5(body) });

    const got = await store.get("small/hello.txt");
    expect(await readAll(got.body)).toEqual(body);
    expect(got).toMatchObject({
      size: body.length,
      etag: put.etag,
      contentType: "text/plain; charset=utf-8",
    });
    expect(got.metadata).toEqual({ "tenant-id": "tenant_1", "original-name": "hello.txt" });

    const head = await store.head("small/hello.txt");
    expect(head).toMatchObject({ key: "small/hello.txt", size: body.length, etag: put.etag });
    expect(head?.contentType).toBe("text/plain; charset=utf-8");
    expect(head?.metadata).toEqual({ "tenant-id": "tenant_1", "original-name": "hello.txt" });
    expect(head?.lastModified).toBeInstanceOf(Date);
  });

  it("defaults the content type and stores empty objects", async () => {
    const put = await store.put("small/empty", Buffer.alloc(0));
    expect(put).toEqual({ key: "small/empty", size: 0, etag: md5("") });
    const got = await store.get("small/empty");
    expect(await readAll(got.body)).toHaveLength(0);
    expect(got).toMatchObject({ size: 0, contentType: "application/octet-stream", metadata: {} });
  });

  it("streams ~20 MB in and out intact", async () => {
    const generated = generatedStream(320);
    const put = await store.put("large/stream.bin", generated.stream, { contentType: "application/x-test" });
    const expectedSha256 = generated.sha256();
    expect(put.size).toBe(320 * 64 * 1024);
    expect(put.etag).not.toBe("");

    const got = await store.get("large/stream.bin");
    expect(got).toMatchObject({ size: put.size, etag: put.etag, contentType: "application/x-test" });
    expect(await sha256Of(got.body)).toEqual({ sha256: expectedSha256, bytes: put.size });
    expect(await store.head("large/stream.bin")).toMatchObject({ size: put.size, etag: put.etag });
  });

  it("accepts a stream whose declared length is right", async () => {
    const put = await store.put("small/declared", Readable.from([Buffer.from("abc"), Buffer.from("def")]), {
      contentLength: 6,
    });
    expect(put).toEqual({ key: "small/declared", size: 6, etag: md5("abcdef") });
  });

  it("refuses a body whose length differs from the declared one and stores nothing", async () => {
    const tooShort = store.put("small/short", Readable.from([Buffer.from("abc")]), { contentLength: 4 });
    await expectAppError(tooShort, "VALIDATION_ERROR");
    const tooLong = store.put("small/long", Readable.from([Buffer.from("abcde")]), { contentLength: 4 });
    await expectAppError(tooLong, "VALIDATION_ERROR");
    await expectAppError(
      store.put("small/buffer", Buffer.from("abc"), { contentLength: 2 }),
      "VALIDATION_ERROR",
    );
    for (const key of ["small/short", "small/long", "small/buffer"]) expect(await store.head(key)).toBeNull();
  });

  it("stores nothing when the body stream fails", async () => {
    async function* failing() {
      yield Buffer.from("partial");
      throw new Error("client went away");
    }
    await expect(store.put("small/failed", Readable.from(failing()))).rejects.toThrow("client went away");
    expect(await store.head("small/failed")).toBeNull();
  });

  it("refuses bad metadata and content types", async () => {
    await expectAppError(
      store.put("small/meta", Buffer.from("x"), { metadata: { Upper: "x" } }),
      "VALIDATION_ERROR",
    );
    await expectAppError(
      store.put("small/meta", Buffer.from("x"), { metadata: { a: "é" } }),
      "VALIDATION_ERROR",
    );
    await expectAppError(
      store.put("small/meta", Buffer.from("x"), { contentType: "text/\n" }),
      "VALIDATION_ERROR",
    );
    expect(await store.head("small/meta")).toBeNull();
  });

  it("replaces an object entirely on overwrite", async () => {
    const first = await store.put("over/doc", Buffer.from("first version"), {
      contentType: "text/plain",
      metadata: { version: "1", stale: "yes" },
    });
    const second = await store.put("over/doc", Buffer.from("second"), {
      contentType: "text/markdown",
      metadata: { version: "2" },
    });
    expect(second.etag).not.toBe(first.etag);
    const got = await store.get("over/doc");
    expect((await readAll(got.body)).toString()).toBe("second");
    expect(got).toMatchObject({
      size: 6,
      etag: second.etag,
      contentType: "text/markdown",
      metadata: { version: "2" },
    });
  });

  it("deletes idempotently", async () => {
    await store.put("gone/doc", Buffer.from("bye"));
    await store.delete("gone/doc");
    expect(await store.head("gone/doc")).toBeNull();
    await store.delete("gone/doc");
    await store.delete("never/existed");
  });

  it("answers NOT_FOUND for a missing object and null from head", async () => {
    await expectAppError(store.get("missing/doc"), "NOT_FOUND");
    await expectAppError(store.get("gone/doc"), "NOT_FOUND");
    expect(await store.head("missing/doc")).toBeNull();
  });

  it("keeps keys apart that a naive disk layout would merge", async () => {
    const keys = [
      "names/x",
      "names/x/y",
      "names/Case",
      "names/case",
      "names/x.o",
      "names/%41",
      "names/A",
      "names/~tilde",
      "names/.hidden",
      "names/Données/été 2024 (final).txt",
      // Long enough for the filesystem store's hashed names, short enough for s3rver's disk layout.
      `names/${"long-segment-".repeat(16)}/${"é".repeat(100)}`,
      // Exactly 1024 bytes.
      `names/${"s".repeat(200)}/`
        .repeat(5)
        .slice(0, 1024 - 8)
        .concat("/max.txt"),
    ];
    for (const key of keys) await store.put(key, Buffer.from(`content of ${key}`));
    for (const key of keys)
      expect((await readAll((await store.get(key)).body)).toString()).toBe(`content of ${key}`);
    const listed = await store.list("names/");
    const byteOrder = [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(listed.keys.map((info) => info.key)).toEqual(byteOrder);
  });

  describe("list", () => {
    const keys = ["B", "a.txt", "b-c", "b/1", "b/2", "c"].map((name) => `list/${name}`);
    beforeAll(async () => {
      for (const key of [...keys, "list-other/x", "listing"]) await store.put(key, Buffer.from(key));
    });

    it("lists a prefix in byte order with sizes and etags", async () => {
      const page = await store.list("list/");
      expect(page.keys.map((info) => info.key)).toEqual(keys);
      expect(page.nextCursor).toBeNull();
      expect(page.keys[0]).toMatchObject({ key: "list/B", size: "list/B".length, etag: md5("list/B") });
      expect(page.keys[0]?.lastModified).toBeInstanceOf(Date);
    });

    it("matches prefixes that end inside a segment", async () => {
      expect((await store.list("list/b")).keys.map((info) => info.key)).toEqual([
        "list/b-c",
        "list/b/1",
        "list/b/2",
      ]);
      expect((await store.list("list/b/")).keys.map((info) => info.key)).toEqual(["list/b/1", "list/b/2"]);
      // `-` (0x2d) sorts before `/` (0x2f).
      expect((await store.list("list")).keys.map((info) => info.key)).toEqual([
        "list-other/x",
        ...keys,
        "listing",
      ]);
      expect(await store.list("nothing/here/")).toEqual({ keys: [], nextCursor: null });
    });

    it("paginates with an opaque cursor", async () => {
      const pages: string[][] = [];
      let cursor: string | undefined;
      do {
        const page = await store.list("list/", { limit: 2, cursor });
        pages.push(page.keys.map((info) => info.key));
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      expect(pages).toEqual([keys.slice(0, 2), keys.slice(2, 4), keys.slice(4, 6)]);
    });

    it("refuses bad limits and cursors", async () => {
      await expectAppError(store.list("list/", { limit: 0 }), "VALIDATION_ERROR");
      await expectAppError(store.list("list/", { limit: 1001 }), "VALIDATION_ERROR");
      await expectAppError(
        store.list("list/", { cursor: Buffer.from("../x").toString("base64url") }),
        "VALIDATION_ERROR",
      );
    });
  });

  it("refuses every invalid key and prefix before touching storage", async () => {
    const before = await fixture.storedFiles();
    for (const key of invalidObjectKeys) {
      const body = Readable.from([Buffer.from("must not be read")]);
      await expectAppError(store.put(key, body), "VALIDATION_ERROR");
      expect(body.readableDidRead).toBe(false);
      await expectAppError(store.put(key, Buffer.from("x")), "VALIDATION_ERROR");
      await expectAppError(store.get(key), "VALIDATION_ERROR");
      await expectAppError(store.head(key), "VALIDATION_ERROR");
      await expectAppError(store.delete(key), "VALIDATION_ERROR");
      body.destroy();
    }
    for (const prefix of ["/", "/etc", "../", "a/../b", "a//b"]) {
      await expectAppError(store.list(prefix), "VALIDATION_ERROR");
    }
    expect(await fixture.storedFiles()).toEqual(before);
  });
}

describe.runIf(services.lane === "embedded")("Objects contract: filesystem", () =>
  objectStoreContract("filesystem", openFilesystemFixture),
);
// s3rver is a real S3 wire-protocol server that runs in this process, so the S3 adapter needs no
// external service and runs in both lanes rather than being skipped in `npm test`.
describe("Objects contract: S3 (s3rver)", () => objectStoreContract("s3", openS3Fixture));
