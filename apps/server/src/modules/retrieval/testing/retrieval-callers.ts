import type { SpaceContext } from "../../../platform/auth/index.js";
import type { RetrievalCaller } from "../store/retrieval-access.js";

let counter = 0;

/** A fresh tenant id of the TAS form, unique within the test process. */
export function newTenantId(): string {
  counter += 1;
  return `tenant_${Date.now()}${String(counter).padStart(4, "0")}`;
}

/** A session user acting in a space of `tenantId` with `role` (the route builder's view of a caller). */
export function callerOf(tenantId: string, role: SpaceContext["role"] = "owner"): RetrievalCaller {
  const spaceId = tenantId.replace(/^tenant_/, "space_");
  return {
    principal: {
      kind: "user",
      id: `user-${tenantId}`,
      userId: `user-${tenantId}`,
      scopes: null,
      platformRole: "user",
      restrictedToSpaceId: null,
    },
    space: { spaceId, tenantId, role },
  };
}

/** A unit vector along `axis` in `dimensions` dimensions (hand-made datasets). */
export function axis(dimensions: number, index: number, length = 1): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  vector[index] = length;
  return vector;
}
