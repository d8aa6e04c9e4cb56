import type { GatewayModel } from "@tributary/contracts";
import { formatNumber } from "../../../lib/format";
import { Button } from "../../../ui/button";
import { Badge } from "../../../ui/feedback";

const perMillion = (usd: number) => `$${formatNumber(usd, usd < 1 ? 3 : 2)}`;

/** Models with where they run and what they cost now; prices change through versions, not edits. */
export function ModelList({
  models,
  onEdit,
  onPrices,
  onDelete,
}: {
  models: readonly GatewayModel[];
  onEdit: (model: GatewayModel) => void;
  onPrices: (model: GatewayModel) => void;
  onDelete: (model: GatewayModel) => void;
}) {
  return (
    <ul className="space-y-3" aria-label="Models">
      {models.map((model) => {
        const readOnly = model.source === "config";
        return (
          <li
            key={model.id}
            data-testid="model-row"
            className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <h3 className="flex flex-wrap items-center gap-2 font-semibold">
                  <span className="break-all font-mono">{model.name}</span>
                  <Badge>{model.kind}</Badge>
                  {readOnly && <Badge tone="info">From configuration</Badge>}
                </h3>
                {model.display_name !== model.name && (
                  <p className="text-sm text-slate-600 dark:text-slate-300">{model.display_name}</p>
                )}
              </div>
              <div className="flex flex-wrap gap-2">
                <Button
                  variant="secondary"
                  onClick={() => onPrices(model)}
                  aria-label={`Prices of ${model.name}`}
                >
                  Prices
                </Button>
                {!readOnly && (
                  <>
                    <Button
                      variant="secondary"
                      onClick={() => onEdit(model)}
                      aria-label={`Edit ${model.name}`}
                    >
                      Edit
                    </Button>
                    <Button
                      variant="ghost"
                      onClick={() => onDelete(model)}
                      aria-label={`Delete ${model.name}`}
                    >
                      Delete
                    </Button>
                  </>
                )}
              </div>
            </div>
            <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
              <div>
                <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">Aliases</dt>
                <dd className="break-words">{model.aliases.length > 0 ? model.aliases.join(", ") : "—"}</dd>
              </div>
              <div>
                <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">Deployments</dt>
                <dd>
                  <ul>
                    {model.deployments.map((deployment) => (
                      <li key={deployment.id} className="break-all">
                        {deployment.provider} → {deployment.upstream_model}
                        {deployment.enabled ? "" : " (disabled)"}
                        {model.deployments.length > 1 ? ` · weight ${deployment.weight}` : ""}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">
                  Price per 1M tokens (v{model.price_version})
                </dt>
                <dd>
                  {perMillion(model.prices.input)} in · {perMillion(model.prices.output)} out
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">Context</dt>
                <dd>
                  {formatNumber(model.context_window)} tokens, up to {formatNumber(model.max_output_tokens)}{" "}
                  out
                </dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
