import { PageHeader } from "../../ui/feedback";

export function ProvidersPage() {
  return <PageHeader title="Providers & models" />;
}
