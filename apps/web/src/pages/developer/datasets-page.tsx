import { PageHeader } from "../../ui/feedback";

export function DatasetsPage() {
  return <PageHeader title="Vector datasets" />;
}
