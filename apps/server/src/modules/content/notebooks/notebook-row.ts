import type { Notebook, NotebookStatus, NotebookVisibility } from "@tributary/contracts";

export interface NotebookRow {
  id: string;
  tenant_id: string;
  space_id: string;
  parent_id: string | null;
  owner_id: string;
  name: string;
  description: string;
  visibility: NotebookVisibility;
  status: NotebookStatus;
  tags: string[];
  document_count: number;
  total_size_bytes: number;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

export const notebookColumns =
  "n.id, n.tenant_id, n.space_id, n.parent_id, n.owner_id, n.name, n.description, n.visibility, n.status, n.tags, n.document_count, n.total_size_bytes, n.created_at, n.updated_at, n.deleted_at";

export function toNotebook(row: NotebookRow): Notebook {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    space_id: row.space_id,
    parent_id: row.parent_id,
    owner_id: row.owner_id,
    name: row.name,
    description: row.description,
    visibility: row.visibility,
    status: row.status,
    tags: row.tags,
    document_count: row.document_count,
    total_size_bytes: row.total_size_bytes,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
