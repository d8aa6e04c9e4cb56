import type { AdminTenant } from "@tributary/contracts";
import { formatDateTime } from "../../../lib/format";
import { Button } from "../../../ui/button";
import { Badge } from "../../../ui/feedback";

const statusTone = { active: "success", suspended: "warning", deleted: "danger" } as const;

/** Tenants with their plan and status; "View" opens the quotas and what can be changed. */
export function TenantList({
  tenants,
  onView,
}: {
  tenants: readonly AdminTenant[];
  onView: (tenant: AdminTenant) => void;
}) {
  return (
    <ul
      className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-700 dark:border-slate-700 dark:bg-slate-900"
      aria-label="Tenants"
    >
      {tenants.map((tenant) => (
        <li
          key={tenant.id}
          data-testid="tenant-row"
          className="flex flex-wrap items-center justify-between gap-3 p-3"
        >
          <div className="min-w-0">
            <p className="flex flex-wrap items-center gap-2 font-medium">
              <span className="break-all">{tenant.name}</span>
              <Badge tone="info">{tenant.plan}</Badge>
              <Badge>{tenant.kind}</Badge>
              <Badge tone={statusTone[tenant.status]}>{tenant.status}</Badge>
            </p>
            <p className="font-mono text-xs text-slate-600 dark:text-slate-300">{tenant.id}</p>
            <p className="text-xs text-slate-600 dark:text-slate-300">
              Created {formatDateTime(tenant.created_at)}
            </p>
          </div>
          <Button variant="secondary" onClick={() => onView(tenant)} aria-label={`View ${tenant.name}`}>
            View
          </Button>
        </li>
      ))}
    </ul>
  );
}
