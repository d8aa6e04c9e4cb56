import type { AdminInstance } from "@tributary/contracts";

export interface InstanceRow {
  name: string;
  setup_completed_at: Date | null;
  updated_at: Date;
}

export const instanceColumns = "name, setup_completed_at, updated_at";

export function toAdminInstance(row: InstanceRow): AdminInstance {
  return {
    name: row.name,
    setup_completed_at: row.setup_completed_at?.toISOString() ?? null,
    updated_at: row.updated_at.toISOString(),
  };
}
