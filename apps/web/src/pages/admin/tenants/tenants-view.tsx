import type { AdminTenant } from "@tributary/contracts";
import { useState } from "react";
import { EmptyState, PageHeader, Spinner } from "../../../ui/feedback";
import { SelectField } from "../../../ui/field";
import { LoadMore } from "../../../ui/load-more";
import { AdminLoadError, isForbidden } from "../admin-access";
import { TenantDialog } from "./tenant-dialog";
import { TenantList } from "./tenant-list";
import { plans } from "./tenant-quotas";
import { type KindFilter, type PlanFilter, useAdminTenants } from "./use-admin-tenants";

/** Every tenant (personal and organization): plans and quotas. */
export function TenantsView() {
  const [plan, setPlan] = useState<PlanFilter>("");
  const [kind, setKind] = useState<KindFilter>("");
  const tenants = useAdminTenants(plan, kind);
  const [viewing, setViewing] = useState<AdminTenant | null>(null);

  if (isForbidden(tenants.error)) {
    return (
      <>
        <PageHeader title="Tenants" />
        <AdminLoadError error={tenants.error} what="tenants" />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Tenants"
        description="Each personal account and organization is a tenant with a plan and quotas."
      />
      <div className="mb-4 flex flex-wrap gap-3">
        <div className="w-44">
          <SelectField
            label="Plan"
            value={plan}
            onChange={(event) => setPlan(event.target.value as PlanFilter)}
          >
            <option value="">Any plan</option>
            {plans.map((item) => (
              <option key={item} value={item}>
                {item}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="w-44">
          <SelectField
            label="Kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as KindFilter)}
          >
            <option value="">Any kind</option>
            <option value="personal">Personal</option>
            <option value="organization">Organization</option>
          </SelectField>
        </div>
      </div>
      {tenants.isPending ? (
        <Spinner label="Loading tenants" />
      ) : tenants.error ? (
        <AdminLoadError error={tenants.error} what="tenants" />
      ) : tenants.items.length === 0 ? (
        <EmptyState title="No tenant matches">Try any plan and any kind.</EmptyState>
      ) : (
        <>
          <TenantList tenants={tenants.items} onView={setViewing} />
          <LoadMore
            hasMore={tenants.hasNextPage}
            loading={tenants.isFetchingNextPage}
            onLoadMore={() => tenants.fetchNextPage()}
          />
        </>
      )}
      <TenantDialog tenant={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
