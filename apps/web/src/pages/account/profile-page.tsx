import { PageHeader } from "../../ui/feedback";

export function ProfilePage() {
  return <PageHeader title="Your profile" />;
}
