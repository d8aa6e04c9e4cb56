import type { GatewayProvider } from "@tributary/contracts";
import { Button } from "../../../ui/button";
import { Badge } from "../../../ui/feedback";
import { providerTypeLabels, storedKeyText } from "./provider-form-values";

/** Providers as cards; those declared in configuration are read-only here and say so. */
export function ProviderList({
  providers,
  onEdit,
  onDelete,
}: {
  providers: readonly GatewayProvider[];
  onEdit: (provider: GatewayProvider) => void;
  onDelete: (provider: GatewayProvider) => void;
}) {
  return (
    <ul className="grid gap-3 md:grid-cols-2" aria-label="Providers">
      {providers.map((provider) => {
        const readOnly = provider.source === "config";
        return (
          <li
            key={provider.id}
            data-testid="provider-row"
            className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
          >
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="font-semibold">{provider.name}</h3>
              <Badge tone={provider.enabled ? "success" : "neutral"}>
                {provider.enabled ? "Enabled" : "Disabled"}
              </Badge>
              {readOnly && <Badge tone="info">From configuration</Badge>}
            </div>
            <dl className="mt-2 space-y-1 text-sm">
              <div>
                <dt className="inline text-slate-600 dark:text-slate-300">Type: </dt>
                <dd className="inline">{providerTypeLabels[provider.type]}</dd>
              </div>
              <div>
                <dt className="inline text-slate-600 dark:text-slate-300">Base URL: </dt>
                <dd className="inline break-all font-mono text-xs">{provider.base_url}</dd>
              </div>
              <div>
                <dt className="inline text-slate-600 dark:text-slate-300">API key: </dt>
                <dd className="inline">{storedKeyText(provider)}</dd>
              </div>
            </dl>
            {readOnly ? (
              <p className="mt-3 text-xs text-slate-600 dark:text-slate-300">
                Declared in the server's configuration: change it there.
              </p>
            ) : (
              <div className="mt-3 flex flex-wrap gap-2">
                <Button
                  variant="secondary"
                  onClick={() => onEdit(provider)}
                  aria-label={`Edit ${provider.name}`}
                >
                  Edit
                </Button>
                <Button
                  variant="ghost"
                  onClick={() => onDelete(provider)}
                  aria-label={`Delete ${provider.name}`}
                >
                  Delete
                </Button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
