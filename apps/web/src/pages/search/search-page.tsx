import { PageHeader } from "../../ui/feedback";

export function SearchPage() {
  return <PageHeader title="Search" />;
}
