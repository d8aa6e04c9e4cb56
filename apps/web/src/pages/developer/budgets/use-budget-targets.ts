import { useQuery } from "@tanstack/react-query";
import type { Budget, BudgetScope, SpaceMember } from "@tributary/contracts";
import { api } from "../../../api/client";
import { useSpaces } from "../../../layout/use-space";
import type { CursorPage } from "../../../ui/use-cursor-list";
import { useApiKeys } from "../api-keys/use-api-keys";

export interface TargetOption {
  readonly id: string;
  readonly label: string;
}

/** What a budget can cap, by scope, as far as the caller can know: the lists behind the form's pickers. */
export type TargetOptions = Record<Exclude<BudgetScope, "tenant">, readonly TargetOption[]>;

export interface BudgetTargets {
  readonly options: TargetOptions;
  /** A budget's target in words; an id the caller cannot resolve is shown as it is (still exact). */
  readonly nameOf: (budget: Pick<Budget, "scope" | "scope_id">) => string;
}

/**
 * The spaces of this space's tenant that the caller is in, the members of this space, and the
 * caller's own API keys. Nobody can list every user or key of a tenant, so the form also takes ids.
 */
export function useBudgetTargets(spaceId: string): BudgetTargets {
  const spaces = useSpaces();
  const keys = useApiKeys();
  // Same key and shape as the usage page's member lookup: one request serves both.
  const members = useQuery({
    queryKey: ["space-members", spaceId],
    queryFn: ({ signal }) =>
      api.get<CursorPage<SpaceMember>>(`/api/v1/spaces/${encodeURIComponent(spaceId)}/members`, {
        space: spaceId,
        query: { limit: 100 },
        signal,
      }),
  });
  const tenantId = spaces.data?.find((space) => space.id === spaceId)?.tenant_id;
  const options: TargetOptions = {
    space: (spaces.data ?? [])
      .filter((space) => space.id === spaceId || space.tenant_id === tenantId)
      .map((space) => ({ id: space.id, label: space.name })),
    user: (members.data?.data ?? []).map((member) => ({
      id: member.user_id,
      label: member.full_name ? `${member.full_name} (${member.email})` : member.email,
    })),
    api_key: keys.items
      .filter((key) => !key.revoked_at)
      .map((key) => ({ id: key.id, label: `${key.name} (${key.prefix}…)` })),
  };
  const nameOf = (budget: Pick<Budget, "scope" | "scope_id">) => {
    if (budget.scope === "tenant") return "Every space of this organization";
    const known = options[budget.scope].find((option) => option.id === budget.scope_id);
    if (known) return known.label;
    // A revoked key is no longer offered, but its budget still deserves its name.
    const key = budget.scope === "api_key" ? keys.items.find((item) => item.id === budget.scope_id) : null;
    return key ? `${key.name} (revoked)` : budget.scope_id;
  };
  return { options, nameOf };
}
