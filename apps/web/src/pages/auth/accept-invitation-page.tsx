import { PageHeader } from "../../ui/feedback";

export function AcceptInvitationPage() {
  return <PageHeader title="Invitation" />;
}
