import { PageHeader } from "../../ui/feedback";

export function UsagePage() {
  return <PageHeader title="Usage" />;
}
