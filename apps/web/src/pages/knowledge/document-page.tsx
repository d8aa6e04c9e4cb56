import { PageHeader } from "../../ui/feedback";

export function DocumentPage() {
  return <PageHeader title="Document" />;
}
