import { PageHeader } from "../../ui/feedback";

export function UsersPage() {
  return <PageHeader title="Users" />;
}
