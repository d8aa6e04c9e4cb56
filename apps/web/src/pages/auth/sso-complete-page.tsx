import { PageHeader } from "../../ui/feedback";

export function SsoCompletePage() {
  return <PageHeader title="Signing in" />;
}
