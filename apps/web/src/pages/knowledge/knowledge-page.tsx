import { PageHeader } from "../../ui/feedback";

export function KnowledgePage() {
  return <PageHeader title="Knowledge" />;
}
