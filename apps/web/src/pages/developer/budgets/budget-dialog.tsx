import type { Budget } from "@tributary/contracts";
import { Dialog } from "../../../ui/dialog";
import { BudgetForm } from "./budget-form";
import {
  budgetFormFromBudget,
  buildCreateBudgetRequest,
  buildUpdateBudgetRequest,
  emptyBudgetForm,
} from "./budget-form-values";
import type { BudgetTargets } from "./use-budget-targets";
import { useCreateBudget, useUpdateBudget } from "./use-budgets";

/** What the dialog is doing: nothing, creating a budget, or editing one. */
export type BudgetDialogState =
  | { readonly kind: "closed" }
  | { readonly kind: "create" }
  | {
      readonly kind: "edit";
      readonly budget: Budget;
    };

export function BudgetDialog({
  state,
  spaceId,
  targets,
  onClose,
}: {
  state: BudgetDialogState;
  spaceId: string;
  targets: BudgetTargets;
  onClose: () => void;
}) {
  const create = useCreateBudget(spaceId);
  const update = useUpdateBudget(spaceId);
  const mutation = state.kind === "edit" ? update : create;
  const close = () => {
    if (mutation.isPending) return;
    create.reset();
    update.reset();
    onClose();
  };
  const title = state.kind === "edit" ? "Edit budget" : "Create a budget";
  return (
    <Dialog open={state.kind !== "closed"} title={title} onClose={close} busy={mutation.isPending}>
      {state.kind === "create" && (
        <BudgetForm
          initial={emptyBudgetForm}
          editing={false}
          currentSpaceId={spaceId}
          targets={targets.options}
          targetName=""
          submitLabel="Create budget"
          busy={create.isPending}
          error={create.error}
          onCancel={close}
          onSubmit={(values) => {
            const built = buildCreateBudgetRequest(values);
            if (!built.ok) return built.errors;
            create.mutate(built.request, { onSuccess: close });
            return null;
          }}
        />
      )}
      {state.kind === "edit" && (
        <BudgetForm
          key={state.budget.id}
          initial={budgetFormFromBudget(state.budget)}
          editing
          currentSpaceId={spaceId}
          targets={targets.options}
          targetName={targets.nameOf(state.budget)}
          submitLabel="Save changes"
          busy={update.isPending}
          error={update.error}
          onCancel={close}
          onSubmit={(values) => {
            const built = buildUpdateBudgetRequest(state.budget, values);
            if (!built.ok) return built.errors;
            if (built.request === null) close();
            else update.mutate({ id: state.budget.id, request: built.request }, { onSuccess: close });
            return null;
          }}
        />
      )}
    </Dialog>
  );
}
