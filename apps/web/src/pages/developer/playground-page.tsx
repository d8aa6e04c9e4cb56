import { PageHeader } from "../../ui/feedback";

export function PlaygroundPage() {
  return <PageHeader title="Playground" />;
}
