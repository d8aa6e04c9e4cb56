import { PageHeader } from "../../ui/feedback";

export function SetupPage() {
  return <PageHeader title="Set up Tributary" />;
}
