import type { Readable } from "node:stream";

/** What a listing knows about one object. */
export interface ObjectInfo {
  readonly key: string;
  readonly size: number;
  /** Opaque content version (no quotes); equals the MD5 hex of single-part writes. */
  readonly etag: string;
  readonly lastModified: Date;
}

/** What `head` knows: the listing facts plus the headers stored with the object. */
export interface ObjectHead extends ObjectInfo {
  readonly contentType: string;
  readonly metadata: Record<string, string>;
}

export interface PutObjectOptions {
  /** Defaults to `application/octet-stream`. */
  contentType?: string;
  /** When given, a body of any other length is refused and nothing is stored. */
  contentLength?: number;
  /** Keys are lower-case `[a-z0-9-]`, values printable ASCII (they travel as S3 headers). */
  metadata?: Record<string, string>;
}

export interface PutObjectResult {
  readonly key: string;
  readonly size: number;
  readonly etag: string;
}

export interface GetObjectResult {
  /** Streams the content; the caller must consume or destroy it. */
  readonly body: Readable;
  readonly size: number;
  readonly contentType: string;
  readonly etag: string;
  readonly metadata: Record<string, string>;
}

export interface ListObjectsOptions {
  /** 1 to 1000; defaults to 1000. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

export interface ListObjectsResult {
  /** In ascending byte order of key. */
  readonly keys: ObjectInfo[];
  readonly nextCursor: string | null;
}

/**
 * The object storage port. Bodies stream in and out and are never held whole in memory.
 * Every key passes `validateObjectKey` before storage is touched.
 */
export interface ObjectStore {
  readonly kind: "filesystem" | "s3";
  /** Creates or replaces the object atomically: readers see the old or the new object, never a mix. */
  put(key: string, body: Readable | Buffer, options?: PutObjectOptions): Promise<PutObjectResult>;
  /** Throws `AppError("NOT_FOUND")` when there is no such object. */
  get(key: string): Promise<GetObjectResult>;
  head(key: string): Promise<ObjectHead | null>;
  /** Succeeds whether or not the object exists. */
  delete(key: string): Promise<void>;
  list(prefix: string, options?: ListObjectsOptions): Promise<ListObjectsResult>;
  /** Health check: throws when the store cannot be written (filesystem) or reached (S3). */
  probe(): Promise<void>;
  close(): Promise<void>;
}
