import { PageHeader } from "../../ui/feedback";

export function AssistantPage() {
  return <PageHeader title="Assistant" />;
}
