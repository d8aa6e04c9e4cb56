import { useSpaceId } from "../../layout/use-space";
import { BudgetsView } from "./budgets/budgets-view";

export function BudgetsPage() {
  return <BudgetsView spaceId={useSpaceId()} />;
}
