import {
  type Document,
  type DocumentChunk,
  documentChunkListSchema,
  documentSchema,
  notebookSchema,
  tokenResponseSchema,
} from "@tributary/contracts";
import type { UploadFile } from "./corpus-files.js";

/** A registered user of a running Tributary, acting in its personal space. */
export interface EvalAccount {
  readonly origin: string;
  readonly accessToken: string;
  readonly spaceId: string;
}

/** A reply whose body may be anything (the assistant's routes are parsed leniently). */
export interface RawReply {
  readonly status: number;
  readonly body: unknown;
  readonly elapsedMs: number;
}

function headers(account: EvalAccount, json = true): Record<string, string> {
  return {
    authorization: `Bearer ${account.accessToken}`,
    "x-space-id": account.spaceId,
    ...(json ? { "content-type": "application/json" } : {}),
  };
}

async function send(url: string, init: RequestInit): Promise<RawReply> {
  const started = performance.now();
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    // Not JSON: keep the text for the report.
  }
  return { status: response.status, body, elapsedMs: performance.now() - started };
}

function expectStatus(reply: RawReply, status: number, what: string): unknown {
  if (reply.status !== status) throw new Error(`${what}: HTTP ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** Registers a fresh account through the public API. */
export async function registerEvalAccount(origin: string): Promise<EvalAccount> {
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const reply = await send(`${origin}/api/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: `assistant-eval.${unique}@example.test`,
      password: "Str0ngPassw0rd",
      first_name: "Assistant",
      last_name: "Eval",
    }),
  });
  const tokens = tokenResponseSchema.parse(expectStatus(reply, 201, "register"));
  const spaceId = tokens.user.personal_space_id;
  if (!spaceId) throw new Error("the registered account has no personal space");
  return { origin, accessToken: tokens.access_token, spaceId };
}

export async function createEvalNotebook(account: EvalAccount, name: string): Promise<string> {
  const reply = await send(`${account.origin}/api/v1/notebooks`, {
    method: "POST",
    headers: headers(account),
    body: JSON.stringify({ name }),
  });
  return notebookSchema.parse(expectStatus(reply, 201, "create notebook")).id;
}

/** Uploads one file through POST /api/v1/documents (multipart). */
export async function uploadDocument(
  account: EvalAccount,
  notebookId: string,
  file: UploadFile,
): Promise<Document> {
  const form = new FormData();
  form.append("notebook_id", notebookId);
  form.append("file", new Blob([file.bytes], { type: file.mimeType }), file.fileName);
  const reply = await send(`${account.origin}/api/v1/documents`, {
    method: "POST",
    headers: headers(account, false),
    body: form,
  });
  return documentSchema.parse(expectStatus(reply, 201, `upload ${file.fileName}`));
}

export async function getDocument(account: EvalAccount, id: string): Promise<Document> {
  const reply = await send(`${account.origin}/api/v1/documents/${id}`, { headers: headers(account, false) });
  return documentSchema.parse(expectStatus(reply, 200, `document ${id}`));
}

/** Polls until the document is `processed` or `failed` (or the time runs out). */
export async function waitUntilSettled(
  account: EvalAccount,
  id: string,
  timeoutMs: number,
): Promise<Document> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const document = await getDocument(account, id);
    if (document.status === "processed" || document.status === "failed") return document;
    if (Date.now() > deadline)
      throw new Error(`document ${id} still ${document.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Every chunk of a document, following the pages of GET /documents/{id}/chunks. */
export async function listChunks(account: EvalAccount, id: string): Promise<DocumentChunk[]> {
  const chunks: DocumentChunk[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? "" : `&cursor=${cursor}`;
    const reply = await send(`${account.origin}/api/v1/documents/${id}/chunks?limit=100${query}`, {
      headers: headers(account, false),
    });
    const page = documentChunkListSchema.parse(expectStatus(reply, 200, `chunks of ${id}`));
    chunks.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor !== null);
  return chunks;
}

/** POST /api/v1/query (non-streaming); the body is returned unparsed. */
export function postQuery(account: EvalAccount, body: Record<string, unknown>): Promise<RawReply> {
  return send(`${account.origin}/api/v1/query`, {
    method: "POST",
    headers: headers(account),
    body: JSON.stringify(body),
  });
}

/** POST /api/v1/search (space search): used for recall when the assistant is not wired yet. */
export function postSearch(account: EvalAccount, body: Record<string, unknown>): Promise<RawReply> {
  return send(`${account.origin}/api/v1/search`, {
    method: "POST",
    headers: headers(account),
    body: JSON.stringify(body),
  });
}
