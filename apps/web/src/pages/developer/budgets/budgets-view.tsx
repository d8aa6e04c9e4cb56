import type { Budget } from "@tributary/contracts";
import { useState } from "react";
import { ApiError } from "../../../api/api-error";
import { formatUsd } from "../../../lib/format";
import { Button } from "../../../ui/button";
import { AsyncConfirmDialog } from "../../../ui/confirm-dialog";
import { EmptyState, ErrorMessage, PageHeader, Spinner } from "../../../ui/feedback";
import { BudgetDialog, type BudgetDialogState } from "./budget-dialog";
import { periodPhrases, scopeLabels } from "./budget-labels";
import { BudgetList } from "./budget-list";
import { useBudgetTargets } from "./use-budget-targets";
import { useBudgets, useDeleteBudget } from "./use-budgets";

/** The gateway budgets of this space's organization: spending against each limit; create, edit, delete. */
export function BudgetsView({ spaceId }: { spaceId: string }) {
  const budgets = useBudgets(spaceId);
  const items = budgets.data ?? [];
  const targets = useBudgetTargets(spaceId);
  const remove = useDeleteBudget(spaceId);
  const [dialog, setDialog] = useState<BudgetDialogState>({ kind: "closed" });
  const [deleting, setDeleting] = useState<Budget | null>(null);
  // A 403 says who may manage budgets; offering "Create" would only fail the same way.
  const forbidden = budgets.error instanceof ApiError && budgets.error.status === 403;
  const openCreate = () => setDialog({ kind: "create" });

  return (
    <>
      <PageHeader
        title="Budgets"
        description="Caps on what the LLM gateway may spend per UTC day or month: for the whole organization, a space, a person or an API key. Owners and admins of this space manage them."
        actions={
          !forbidden && (
            <Button onClick={openCreate} data-testid="create-budget">
              Create budget
            </Button>
          )
        }
      />
      {budgets.isPending ? (
        <Spinner label="Loading budgets" />
      ) : budgets.error ? (
        <div data-testid="budgets-error">
          <ErrorMessage
            error={budgets.error}
            title={forbidden ? "You cannot manage budgets here" : "Budgets could not be loaded"}
          />
        </div>
      ) : items.length === 0 ? (
        <EmptyState
          title="Set your first budget"
          action={<Button onClick={openCreate}>Create your first budget</Button>}
        >
          No budget caps this organization's gateway spending yet. Start with a monthly limit for the whole
          organization; add tighter ones for a space, a person or an API key later.
        </EmptyState>
      ) : (
        <BudgetList
          budgets={items}
          nameOf={targets.nameOf}
          onEdit={(budget) => setDialog({ kind: "edit", budget })}
          onDelete={setDeleting}
        />
      )}
      <BudgetDialog
        state={dialog}
        spaceId={spaceId}
        targets={targets}
        onClose={() => setDialog({ kind: "closed" })}
      />
      <AsyncConfirmDialog
        open={deleting !== null}
        title="Delete this budget?"
        confirmLabel="Delete budget"
        onConfirm={() => (deleting ? remove.mutateAsync(deleting.id) : Promise.resolve())}
        onClose={() => setDeleting(null)}
      >
        {deleting && (
          <p>
            The {formatUsd(deleting.limit_usd)} {periodPhrases[deleting.period]} budget of{" "}
            {scopeLabels[deleting.scope]} “{targets.nameOf(deleting)}” stops applying at once: calls are no
            longer refused or alerted on because of it. This cannot be undone, but you can create it again.
          </p>
        )}
      </AsyncConfirmDialog>
    </>
  );
}
