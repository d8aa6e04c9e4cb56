import type { GatewayProvider } from "@tributary/contracts";
import { Button } from "../../../ui/button";
import { InputField, SelectField } from "../../../ui/field";
import { type DeploymentValues, emptyDeployment } from "./model-form-values";

/** Where a model runs: one row per provider it is deployed on, with its traffic weight. */
export function DeploymentsEditor({
  deployments,
  providers,
  error,
  onChange,
}: {
  deployments: readonly DeploymentValues[];
  providers: readonly GatewayProvider[];
  error: string | undefined;
  onChange: (deployments: DeploymentValues[]) => void;
}) {
  const update = (index: number, change: Partial<DeploymentValues>) =>
    onChange(deployments.map((item, i) => (i === index ? { ...item, ...change } : item)));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">Deployments</legend>
      {deployments.map((deployment, index) => {
        const number = index + 1;
        const isLocal = providers.find((provider) => provider.name === deployment.provider)?.type === "local";
        return (
          // Rows have no identity of their own until saved; their position is what the user edits.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <div key={index} className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
            <div className="grid gap-2 sm:grid-cols-2">
              <SelectField
                label={`Provider of deployment ${number}`}
                value={deployment.provider}
                onChange={(event) => update(index, { provider: event.target.value })}
              >
                <option value="">Choose…</option>
                {providers.map((provider) => (
                  <option key={provider.id} value={provider.name}>
                    {provider.name}
                  </option>
                ))}
              </SelectField>
              <InputField
                label={`Upstream model of deployment ${number}`}
                value={deployment.upstreamModel}
                onChange={(event) => update(index, { upstreamModel: event.target.value })}
                hint="The provider's own name; empty: the model name."
              />
              <InputField
                label={`Weight of deployment ${number}`}
                inputMode="numeric"
                value={deployment.weight}
                onChange={(event) => update(index, { weight: event.target.value })}
              />
              {isLocal && (
                <InputField
                  label={`GGUF file of deployment ${number}`}
                  value={deployment.modelPath}
                  onChange={(event) => update(index, { modelPath: event.target.value })}
                />
              )}
            </div>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4"
                  checked={deployment.enabled}
                  onChange={(event) => update(index, { enabled: event.target.checked })}
                />
                Enabled
              </label>
              {deployments.length > 1 && (
                <Button variant="ghost" onClick={() => onChange(deployments.filter((_, i) => i !== index))}>
                  Remove deployment {number}
                </Button>
              )}
            </div>
          </div>
        );
      })}
      {error && <p className="text-xs text-red-700 dark:text-red-400">{error}</p>}
      <Button variant="secondary" onClick={() => onChange([...deployments, emptyDeployment])}>
        Add a deployment
      </Button>
    </fieldset>
  );
}
