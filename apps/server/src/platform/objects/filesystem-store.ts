import { createWriteStream } from "node:fs";
import { type FileHandle, mkdir, open, rename, rm, writeFile } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../errors/index.js";
import { locateObject, prepareObjectLocation, temporaryPath } from "./filesystem-layout.js";
import { listKeys } from "./filesystem-list.js";
import { encodeTrailer, readTrailer, type StoredObject } from "./filesystem-object-file.js";
import { checkListLimit, decodeListCursor, encodeListCursor } from "./list-cursor.js";
import { MeasuringStream } from "./measure-stream.js";
import { validateObjectKey, validateObjectPrefix } from "./object-key.js";
import type { ObjectHead, ObjectInfo, ObjectStore } from "./port.js";
import { checkDeclaredLength, checkPutOptions } from "./put-options.js";

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

async function openObject(root: string, key: string): Promise<FileHandle | null> {
  try {
    return await open(locateObject(root, key).file, "r");
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

async function readHead(root: string, key: string): Promise<ObjectHead | null> {
  const handle = await openObject(root, key);
  if (!handle) return null;
  try {
    return toHead(key, await readTrailer(handle, key));
  } finally {
    await handle.close();
  }
}

function toHead(key: string, stored: StoredObject): ObjectHead {
  const { size, etag, contentType, metadata, lastModified } = stored;
  return { key, size, etag, contentType, metadata, lastModified };
}

/** The embedded object store: one file per object under `root` (see filesystem-layout.ts). */
export function createFilesystemObjectStore(root: string): ObjectStore {
  return {
    kind: "filesystem",

    async put(key, body, options) {
      validateObjectKey(key);
      const { contentType, contentLength, metadata } = checkPutOptions(options);
      if (Buffer.isBuffer(body)) checkDeclaredLength(contentLength, body.length);
      const { directory, file } = await prepareObjectLocation(root, key);
      const temp = temporaryPath(directory);
      const measure = new MeasuringStream(contentLength, { md5: true });
      try {
        const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
        await pipeline(source, measure, createWriteStream(temp, { flags: "wx" }));
        const etag = measure.md5Hex();
        const handle = await open(temp, "a");
        try {
          await handle.write(encodeTrailer({ size: measure.bytes, etag, contentType, metadata }));
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, file);
        return { key, size: measure.bytes, etag };
      } finally {
        await rm(temp, { force: true });
      }
    },

    async get(key) {
      validateObjectKey(key);
      const handle = await openObject(root, key);
      if (!handle) throw new AppError("NOT_FOUND", "Object not found", { details: { key } });
      let stored: StoredObject;
      try {
        stored = await readTrailer(handle, key);
      } catch (error) {
        await handle.close();
        throw error;
      }
      const { size, etag, contentType, metadata } = stored;
      if (size === 0) {
        await handle.close();
        return { body: Readable.from([]), size, etag, contentType, metadata };
      }
      // The open handle pins this version: a concurrent overwrite renames a new file over the path.
      const body = handle.createReadStream({ start: 0, end: size - 1 });
      return { body, size, etag, contentType, metadata };
    },

    async head(key) {
      validateObjectKey(key);
      return readHead(root, key);
    },

    async delete(key) {
      validateObjectKey(key);
      await rm(locateObject(root, key).file, { force: true });
    },

    async list(prefix, options = {}) {
      validateObjectPrefix(prefix);
      const limit = checkListLimit(options.limit);
      const after = decodeListCursor(options.cursor);
      const keys = await listKeys(root, prefix, after, limit + 1);
      const page = keys.slice(0, limit);
      const infos: ObjectInfo[] = [];
      for (const key of page) {
        const head = await readHead(root, key);
        // Deleted between the directory read and now: a listing is not a snapshot.
        if (head) infos.push({ key, size: head.size, etag: head.etag, lastModified: head.lastModified });
      }
      const last = page.at(-1);
      return { keys: infos, nextCursor: keys.length > limit && last ? encodeListCursor(last) : null };
    },

    async probe() {
      await mkdir(root, { recursive: true });
      const temp = temporaryPath(root);
      await writeFile(temp, "ok");
      await rm(temp, { force: true });
    },

    async close() {},
  };
}
