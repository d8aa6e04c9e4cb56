import { PageHeader } from "../../ui/feedback";

export function SpacesPage() {
  return <PageHeader title="Spaces" />;
}
