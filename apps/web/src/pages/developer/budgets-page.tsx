import { PageHeader } from "../../ui/feedback";

export function BudgetsPage() {
  return <PageHeader title="Budgets" />;
}
