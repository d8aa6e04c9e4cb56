import type { AdminTenant, TenantPlan } from "@tributary/contracts";
import { type FormEvent, useState } from "react";
import { formatDateTime } from "../../../lib/format";
import { Button } from "../../../ui/button";
import { Dialog } from "../../../ui/dialog";
import { ErrorMessage, Notice } from "../../../ui/feedback";
import { InputField, SelectField } from "../../../ui/field";
import {
  buildTenantUpdate,
  plans,
  type QuotaDrafts,
  quotaDrafts,
  quotaKeys,
  quotaLabels,
} from "./tenant-quotas";
import { useUpdateTenant } from "./use-admin-tenants";

/** One tenant: who and what it is, and its plan and quotas, editable (0 means unlimited). */
export function TenantDialog({ tenant, onClose }: { tenant: AdminTenant | null; onClose: () => void }) {
  return (
    <Dialog open={tenant !== null} title={tenant ? `Tenant ${tenant.name}` : "Tenant"} onClose={onClose}>
      {tenant && <TenantForm key={tenant.id} tenant={tenant} onDone={onClose} />}
    </Dialog>
  );
}

function TenantForm({ tenant, onDone }: { tenant: AdminTenant; onDone: () => void }) {
  const update = useUpdateTenant();
  const [plan, setPlan] = useState<TenantPlan>(tenant.plan);
  const [drafts, setDrafts] = useState<QuotaDrafts>(() => quotaDrafts(tenant.quotas));
  const [errors, setErrors] = useState<Partial<QuotaDrafts>>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const built = buildTenantUpdate(tenant, plan, drafts);
    if (!built.ok) return setErrors(built.errors);
    setErrors({});
    if (!built.body) return onDone();
    update.mutate({ id: tenant.id, body: built.body }, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} noValidate className="max-h-[70vh] space-y-4 overflow-y-auto pr-1">
      <dl className="grid grid-cols-2 gap-2 text-sm">
        <div>
          <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">Id</dt>
          <dd className="break-all font-mono text-xs">{tenant.id}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">Kind</dt>
          <dd>{tenant.kind}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">Status</dt>
          <dd>{tenant.status}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">Owner</dt>
          <dd className="break-all font-mono text-xs">{tenant.owner_user_id ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">Created</dt>
          <dd>{formatDateTime(tenant.created_at)}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">Updated</dt>
          <dd>{formatDateTime(tenant.updated_at)}</dd>
        </div>
      </dl>
      <SelectField label="Plan" value={plan} onChange={(event) => setPlan(event.target.value as TenantPlan)}>
        {plans.map((item) => (
          <option key={item} value={item}>
            {item}
          </option>
        ))}
      </SelectField>
      {plan !== tenant.plan && (
        <Notice tone="warning">
          Changing the plan resets the quotas to the {plan} plan's defaults; any quota you change below is
          applied on top.
        </Notice>
      )}
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700 dark:text-slate-200">
          Quotas (0 = unlimited)
        </legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {quotaKeys.map((key) => (
            <InputField
              key={key}
              label={quotaLabels[key]}
              inputMode="numeric"
              value={drafts[key]}
              onChange={(event) => setDrafts((current) => ({ ...current, [key]: event.target.value }))}
              error={errors[key]}
            />
          ))}
        </div>
      </fieldset>
      <ErrorMessage error={update.error} title="The tenant could not be updated" />
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onDone} disabled={update.isPending}>
          Cancel
        </Button>
        <Button type="submit" busy={update.isPending}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
