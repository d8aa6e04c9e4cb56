import { PageHeader } from "../../ui/feedback";

export function ResetPasswordPage() {
  return <PageHeader title="Reset your password" />;
}
