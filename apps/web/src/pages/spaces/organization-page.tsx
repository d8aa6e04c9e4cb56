import { PageHeader } from "../../ui/feedback";

export function OrganizationPage() {
  return <PageHeader title="Organization" />;
}
