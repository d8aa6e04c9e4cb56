import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** The slice of s3rver's API we use (the package ships no types). */
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  store: S3rverStore;
}
interface ListOptions {
  prefix?: string;
  delimiter?: string;
  startAfter?: string;
  maxKeys?: number;
}
interface ListResult {
  objects: { key: string }[];
  commonPrefixes: string[];
  isTruncated: boolean;
}
interface S3rverStore {
  listObjects(bucket: string, options: ListOptions): Promise<ListResult>;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  resetOnClose: boolean;
}) => S3rverInstance;

// s3rver is CommonJS without type declarations; require keeps the import typed by the interface above.
const S3rver = createRequire(import.meta.url)("s3rver") as S3rverConstructor;

/** s3rver's built-in account; it checks request signatures against these. */
const accessKeyId = "S3RVER";
const secretAccessKey = "S3RVER";

export interface TestS3 {
  readonly endpoint: string;
  /** A fresh name; the bucket itself is not created (openObjectStore creates it). */
  readonly bucket: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Where s3rver keeps its data, for tests that check nothing was written. */
  readonly directory: string;
  close(): Promise<void>;
}

/**
 * A real S3 wire-protocol server (s3rver) in this process, on a free loopback port, storing in a
 * temporary directory that is removed on close. Needs nothing installed, so both test lanes use it.
 */
export async function startTestS3(): Promise<TestS3> {
  const directory = await mkdtemp(path.join(tmpdir(), "tributary-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, resetOnClose: false });
  listInKeyOrder(server.store);
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket: `test-${randomBytes(6).toString("hex")}`,
    accessKeyId,
    secretAccessKey,
    directory,
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * s3rver lists keys in directory-walk order (`a/b/1` before `a/b-c`); S3 lists them in UTF-8 byte
 * order, which callers may rely on for pagination. Re-sort flat listings so the fake behaves like
 * the real thing (listings with a delimiter are left as s3rver answers them).
 */
function listInKeyOrder(store: S3rverStore): void {
  const listObjects = store.listObjects.bind(store);
  store.listObjects = async (bucket, options) => {
    if (options.delimiter) return listObjects(bucket, options);
    const all = await listObjects(bucket, { prefix: options.prefix });
    const after = Buffer.from(options.startAfter ?? "", "utf8");
    const ordered = all.objects
      .map((object) => ({ object, bytes: Buffer.from(object.key, "utf8") }))
      .filter(({ bytes }) => Buffer.compare(bytes, after) > 0)
      .sort((a, b) => Buffer.compare(a.bytes, b.bytes))
      .map(({ object }) => object);
    const maxKeys = options.maxKeys ?? Number.POSITIVE_INFINITY;
    return { ...all, objects: ordered.slice(0, maxKeys), isTruncated: ordered.length > maxKeys };
  };
}
