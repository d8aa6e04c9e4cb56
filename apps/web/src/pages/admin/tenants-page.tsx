import { TenantsView } from "./tenants/tenants-view";

/** Platform-wide, not per space; the API refuses non-admins, and the view says so. */
export function TenantsPage() {
  return <TenantsView />;
}
