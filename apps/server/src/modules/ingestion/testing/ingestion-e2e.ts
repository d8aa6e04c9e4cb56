import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import {
  type Document,
  type DocumentChunk,
  documentChunkListSchema,
  documentSchema,
} from "@tributary/contracts";
import type { Environment } from "../../../config/index.js";
import type { Job } from "../../../platform/jobs/index.js";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import { waitFor } from "../../../testing/wait-for.js";
import {
  type Account,
  apiAs,
  createNotebook,
  personalSpace,
  personalTenant,
  registerAccount,
} from "../../content/testing/content-client.js";
import { processingQueue } from "../ingestion-deps.js";
import type { IngestionModuleOptions } from "../ingestion-module.js";
import { sharedProcessingPool, warmPool } from "./shared-processing-pool.js";

/** What to upload: bytes in memory, or a file on disk streamed into the request. */
export type UploadSource = Uint8Array | string | { readonly path: string };

export interface UploadOptions {
  /** Form fields besides `notebook_id` and `file` (`name`, `description`, `tags`). */
  readonly fields?: Record<string, string>;
  readonly nameEncoding?: NameEncoding;
}

export interface Uploaded {
  readonly status: number;
  readonly body: unknown;
}

/** How long a document may take to settle on a loaded two-core machine (OCR, cold worker). */
export const settleTimeoutMs = 90_000;

/**
 * A whole instance (role `all`: HTTP, job workers, events) listening on a loopback port, so
 * uploads go through real multipart HTTP, and clients for accounts of their own tenants.
 * Processing runs on the process's shared pool unless the test brings its own; either is warm
 * (its worker loaded the extraction libraries) before the first test.
 */
export async function startIngestionE2e(
  options: { env?: Environment; ingestionPool?: IngestionModuleOptions["pool"] } = {},
) {
  // The pool's worker loads its libraries while the instance starts.
  const pool = options.ingestionPool ?? sharedProcessingPool();
  const warm = warmPool(pool);
  const instance = await startTestInstance({
    role: "all",
    env: { JOBS_POLL_INTERVAL_MS: "100", ...options.env },
    ingestionPool: pool,
  });
  await warm;
  const app = instance.app;
  if (!app) throw new Error("the instance serves no HTTP");
  const origin = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    instance,
    origin,
    /** A new account (its own personal tenant) with a notebook to upload into. */
    async newClient(label: string): Promise<IngestionClient> {
      const account = await registerAccount(app, label);
      const notebook = await createNotebook(apiAs(app, account), { name: "Inbox" });
      return ingestionClient(instance, origin, account, notebook.id);
    },
    /** The latest processing job of a document, as the queue sees it. */
    async processingJob(documentId: string): Promise<Job> {
      const [row] = await instance.resources.sql.withSystem((tx) =>
        tx.query<{ id: string }>(
          `SELECT id FROM jobs WHERE queue = $1 AND payload->>'document_id' = $2
           ORDER BY created_at DESC, id DESC LIMIT 1`,
          [processingQueue, documentId],
        ),
      );
      const job = row ? await instance.resources.jobs.get(row.id) : undefined;
      if (!job) throw new Error(`no processing job for document ${documentId}`);
      return job;
    },
    close: () => instance.close(),
  };
}

export type IngestionE2e = Awaited<ReturnType<typeof startIngestionE2e>>;
export type IngestionClient = ReturnType<typeof ingestionClient>;

function ingestionClient(instance: TestInstance, origin: string, account: Account, notebookId: string) {
  const headers = { authorization: `Bearer ${account.access_token}`, "x-space-id": personalSpace(account) };
  const getJson = async (url: string) => {
    const res = await fetch(`${origin}${url}`, { headers });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const client = {
    account,
    notebookId,
    tenantId: personalTenant(account),
    headers,
    /**
     * Uploads through `POST /api/v1/documents`. The file name is written as browsers write it
     * (raw UTF-8; quotes and line breaks percent-escaped), or as RFC 5987 `filename*`, which
     * carries any character, line breaks included, exactly.
     */
    async upload(source: UploadSource, fileName: string, options: UploadOptions = {}): Promise<Uploaded> {
      const fields = { notebook_id: notebookId, ...options.fields };
      const body = multipartBody(fields, source, fileName, options.nameEncoding ?? "browser");
      const res = await fetch(`${origin}/api/v1/documents`, {
        method: "POST",
        headers: { ...headers, "content-type": `multipart/form-data; boundary=${body.boundary}` },
        body: body.stream,
        duplex: "half",
      } as RequestInit);
      return { status: res.status, body: (await res.json()) as unknown };
    },
    /** Uploads and expects 201; the document as the API describes it. */
    async uploadDocument(source: UploadSource, fileName: string, options?: UploadOptions): Promise<Document> {
      const reply = await client.upload(source, fileName, options);
      if (reply.status !== 201)
        throw new Error(`upload ${fileName}: ${reply.status} ${JSON.stringify(reply.body)}`);
      return documentSchema.parse(reply.body);
    },
    async document(id: string): Promise<Document> {
      const reply = await getJson(`/api/v1/documents/${id}`);
      if (reply.status !== 200)
        throw new Error(`document ${id}: ${reply.status} ${JSON.stringify(reply.body)}`);
      return documentSchema.parse(reply.body);
    },
    /** Polls until the document is `processed` or `failed`. */
    settled(id: string, timeoutMs = settleTimeoutMs): Promise<Document> {
      return waitFor(
        `document ${id} processed or failed`,
        async () => {
          const document = await client.document(id);
          return document.status === "processed" || document.status === "failed" ? document : undefined;
        },
        timeoutMs,
      );
    },
    /** Every chunk of the document, following the pages of `GET /documents/{id}/chunks`. */
    async chunks(id: string): Promise<DocumentChunk[]> {
      const all: DocumentChunk[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor === null ? "" : `&cursor=${cursor}`;
        const reply = await getJson(`/api/v1/documents/${id}/chunks?limit=100${query}`);
        if (reply.status !== 200)
          throw new Error(`chunks of ${id}: ${reply.status} ${JSON.stringify(reply.body)}`);
        const page = documentChunkListSchema.parse(reply.body);
        all.push(...page.data);
        cursor = page.next_cursor;
      } while (cursor !== null);
      return all;
    },
    /** The document's stored object key (not part of the API). */
    async storageKey(id: string): Promise<string> {
      const [row] = await instance.resources.sql.withTenant(client.tenantId, (tx) =>
        tx.query<{ storage_key: string }>("SELECT storage_key FROM documents WHERE id = $1", [id]),
      );
      if (!row) throw new Error(`no document ${id}`);
      return row.storage_key;
    },
  };
  return client;
}

/** How the file name is written in the part's Content-Disposition. */
export type NameEncoding = "browser" | "rfc5987";

function dispositionName(fileName: string, encoding: NameEncoding): string {
  switch (encoding) {
    case "browser":
      // The WHATWG multipart/form-data encoding: UTF-8, with only `"`, CR and LF escaped.
      return `filename="${fileName.replaceAll('"', "%22").replaceAll("\r", "%0D").replaceAll("\n", "%0A")}"`;
    case "rfc5987":
      return `filename*=UTF-8''${encodeURIComponent(fileName)}`;
  }
}

function multipartBody(
  fields: Record<string, string>,
  source: UploadSource,
  fileName: string,
  nameEncoding: NameEncoding,
) {
  const boundary = `----tributary-e2e-${randomBytes(12).toString("hex")}`;
  const fieldParts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const head =
    `${fieldParts.join("")}--${boundary}\r\n` +
    `Content-Disposition: form-data; name="file"; ${dispositionName(fileName, nameEncoding)}\r\n` +
    "Content-Type: application/octet-stream\r\n\r\n";
  const tail = `\r\n--${boundary}--\r\n`;
  // undici's fetch stalls on an empty chunk of an iterable body, so a zero-byte file yields none.
  async function* parts(): AsyncGenerator<Uint8Array> {
    yield Buffer.from(head);
    if (typeof source === "string") {
      if (source.length > 0) yield Buffer.from(source);
    } else if (source instanceof Uint8Array) {
      if (source.length > 0) yield source;
    } else {
      for await (const chunk of createReadStream(source.path)) yield chunk as Buffer;
    }
    yield Buffer.from(tail);
  }
  return { boundary, stream: parts() };
}
