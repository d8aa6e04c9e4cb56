import { createHash, randomUUID } from "node:crypto";
import type { Sql } from "../../../platform/sql/index.js";
import type { DocumentRow } from "../documents/document-row.js";
import { type InsertDocumentInput, insertDocument } from "../documents/insert-document.js";

export interface DocumentFixture {
  readonly tenantId: string;
  readonly spaceId: string;
  readonly notebookId: string;
  readonly ownerId: string;
}

/** Document input as an upload would build it, from some content (the checksums are real). */
export function documentInput(
  at: DocumentFixture,
  overrides: Partial<InsertDocumentInput> & { content?: string } = {},
): InsertDocumentInput {
  const { content = `content ${randomUUID()}`, ...rest } = overrides;
  const id = rest.id ?? randomUUID();
  const name = rest.name ?? "report.pdf";
  return {
    id,
    tenantId: at.tenantId,
    spaceId: at.spaceId,
    notebookId: at.notebookId,
    ownerId: at.ownerId,
    name,
    originalName: name,
    description: "",
    tags: [],
    format: "pdf",
    mimeType: "application/pdf",
    sizeBytes: Buffer.byteLength(content),
    checksumSha256: createHash("sha256").update(content).digest("hex"),
    checksumMd5: createHash("md5").update(content).digest("hex"),
    storageKey: `${at.tenantId}/${at.spaceId}/documents/${id}/${name}`,
    status: "uploading",
    duplicateOf: null,
    processingTier: "tier1",
    ...rest,
  };
}

/** Inserts a document through the module's API, in its own tenant transaction. */
export function seedDocument(
  sql: Sql,
  at: DocumentFixture,
  overrides: Partial<InsertDocumentInput> & { content?: string } = {},
): Promise<DocumentRow> {
  return sql.withTenant(at.tenantId, (tx) => insertDocument(tx, documentInput(at, overrides)));
}
