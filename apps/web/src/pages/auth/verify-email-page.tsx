import { PageHeader } from "../../ui/feedback";

export function VerifyEmailPage() {
  return <PageHeader title="Verify your email" />;
}
