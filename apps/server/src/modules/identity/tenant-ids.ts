import { randomInt } from "node:crypto";

/**
 * The TAS id chain: `tenant_<digits>` and its space `space_<same digits>`. The digits are the
 * millisecond clock plus random digits; uniqueness is guaranteed by the primary key and a retry,
 * never by the clock alone.
 */
export function candidateTenantId(): string {
  return `tenant_${Date.now()}${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
}

export function spaceIdForTenant(tenantId: string): string {
  return `space_${tenantId.slice("tenant_".length)}`;
}

export function tenantIdForSpace(spaceId: string): string {
  return `tenant_${spaceId.slice("space_".length)}`;
}
