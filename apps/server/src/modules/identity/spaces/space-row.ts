import type { Space } from "@tributary/contracts";
import type { SpaceRole } from "../authorization.js";

export interface SpaceRow {
  id: string;
  tenant_id: string;
  name: string;
  description: string;
  space_type: Space["space_type"];
  status: Space["status"];
  visibility: Space["visibility"];
  owner_user_id: string | null;
  organization_id: string | null;
  settings: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

export const spaceColumns =
  "s.id, s.tenant_id, s.name, s.description, s.space_type, s.status, s.visibility, s.owner_user_id, s.organization_id, s.settings, s.created_at, s.updated_at";

/** The API shape of a space, seen by a member with `role`; the personal one is their default. */
export function toSpace(row: SpaceRow, role: SpaceRole, userId: string): Space {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    name: row.name,
    description: row.description,
    space_type: row.space_type,
    status: row.status,
    visibility: row.visibility,
    owner_user_id: row.owner_user_id,
    organization_id: row.organization_id,
    settings: row.settings,
    role,
    is_default: row.space_type === "personal" && row.owner_user_id === userId,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
