import { pipeline, Readable } from "node:stream";
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { ObjectsConfig } from "../../config/index.js";
import { AppError } from "../errors/index.js";
import { checkListLimit, decodeListCursor, encodeListCursor } from "./list-cursor.js";
import { MeasuringStream } from "./measure-stream.js";
import { validateObjectKey, validateObjectPrefix } from "./object-key.js";
import type { ObjectInfo, ObjectStore } from "./port.js";
import { checkDeclaredLength, checkPutOptions, defaultContentType } from "./put-options.js";

export type S3ObjectsConfig = Extract<ObjectsConfig, { kind: "s3" }>;

// S3's minimum part size; with two parts in flight an upload holds at most ~10 MB in memory.
const partSize = 5 * 1024 * 1024;
const partsInFlight = 2;

function isNotFound(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  // A missing bucket is a misconfiguration, not a missing object: let it surface as an error.
  if (error.name === "NoSuchBucket") return false;
  return error.$metadata.httpStatusCode === 404 || error.name === "NoSuchKey" || error.name === "NotFound";
}

function unquote(etag: string | undefined): string {
  return (etag ?? "").replaceAll('"', "");
}

function createClient(config: S3ObjectsConfig): S3Client {
  const { endpoint, region, forcePathStyle, accessKeyId, secretAccessKey } = config;
  return new S3Client({
    endpoint,
    region,
    forcePathStyle,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    // Since SDK 3.729 every request carries CRC32 checksums (aws-chunked trailers on streams),
    // which MinIO releases and s3rver reject; only send and check them where S3 requires it.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

async function ensureBucket(client: S3Client, bucket: string): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
    return;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    // Another node created it between our check and our create.
    const raced = error instanceof S3ServiceException && error.name === "BucketAlreadyOwnedByYou";
    if (!raced) throw error;
  }
}

/** The S3 API object store (AWS, MinIO, R2, …). Creates the bucket when it does not exist. */
export async function openS3ObjectStore(config: S3ObjectsConfig): Promise<ObjectStore> {
  const client = createClient(config);
  const Bucket = config.bucket;
  try {
    await ensureBucket(client, Bucket);
  } catch (error) {
    client.destroy();
    throw error;
  }

  async function upload(
    key: string,
    body: Readable | Buffer,
    contentType: string,
    metadata: Record<string, string>,
  ) {
    const upload = new Upload({
      client,
      params: { Bucket, Key: key, Body: body, ContentType: contentType, Metadata: metadata },
      partSize,
      queueSize: partsInFlight,
      leavePartsOnError: false,
    });
    const result = await upload.done();
    if (!result.ETag)
      throw new AppError("INTERNAL_ERROR", "Object store returned no ETag", { details: { key } });
    return unquote(result.ETag);
  }

  return {
    kind: "s3",

    async put(key, body, options) {
      validateObjectKey(key);
      const { contentType, contentLength, metadata } = checkPutOptions(options);
      if (Buffer.isBuffer(body)) {
        checkDeclaredLength(contentLength, body.length);
        const etag = await upload(key, body, contentType, metadata);
        return { key, size: body.length, etag };
      }
      const measure = new MeasuringStream(contentLength);
      pipeline(body, measure, () => {});
      try {
        const etag = await upload(key, measure, contentType, metadata);
        return { key, size: measure.bytes, etag };
      } catch (error) {
        measure.destroy();
        // A length error raised inside the stream reaches us wrapped or as is; surface ours.
        throw measure.errored instanceof AppError ? measure.errored : error;
      }
    },

    async get(key) {
      validateObjectKey(key);
      try {
        const response = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        const body = response.Body;
        if (!(body instanceof Readable))
          throw new AppError("INTERNAL_ERROR", "Object store returned no stream");
        return {
          body,
          size: response.ContentLength ?? 0,
          contentType: response.ContentType ?? defaultContentType,
          etag: unquote(response.ETag),
          metadata: response.Metadata ?? {},
        };
      } catch (error) {
        if (isNotFound(error)) throw new AppError("NOT_FOUND", "Object not found", { details: { key } });
        throw error;
      }
    },

    async head(key) {
      validateObjectKey(key);
      try {
        const response = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return {
          key,
          size: response.ContentLength ?? 0,
          etag: unquote(response.ETag),
          lastModified: response.LastModified ?? new Date(0),
          contentType: response.ContentType ?? defaultContentType,
          metadata: response.Metadata ?? {},
        };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async delete(key) {
      validateObjectKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },

    async list(prefix, options = {}) {
      validateObjectPrefix(prefix);
      const limit = checkListLimit(options.limit);
      const after = decodeListCursor(options.cursor);
      // ListObjects (v1) with Marker rather than v2: our cursor is the last key anyway, and v2's
      // continuation tokens are where S3-compatible servers differ most (s3rver 3.7 builds them with
      // DES, which OpenSSL 3 refuses, so every truncated v2 page fails with a 500 there).
      const response = await client.send(
        new ListObjectsCommand({ Bucket, Prefix: prefix || undefined, MaxKeys: limit, Marker: after }),
      );
      const keys: ObjectInfo[] = (response.Contents ?? []).flatMap((item) =>
        item.Key === undefined
          ? []
          : [
              {
                key: item.Key,
                size: item.Size ?? 0,
                etag: unquote(item.ETag),
                lastModified: item.LastModified ?? new Date(0),
              },
            ],
      );
      const last = keys.at(-1);
      return { keys, nextCursor: response.IsTruncated && last ? encodeListCursor(last.key) : null };
    },

    async probe() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },

    async close() {
      client.destroy();
    },
  };
}
