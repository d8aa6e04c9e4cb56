import { PageHeader } from "../../ui/feedback";

export function TenantsPage() {
  return <PageHeader title="Tenants" />;
}
