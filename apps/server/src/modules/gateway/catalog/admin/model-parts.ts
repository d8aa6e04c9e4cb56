import type { GatewayDeploymentInput } from "@tributary/contracts";
import { uuidv7 } from "uuidv7";
import { AppError } from "../../../../platform/errors/index.js";
import type { SqlTx } from "../../../../platform/sql/index.js";
import type { CatalogState } from "../build-snapshot.js";
import type { Provider } from "../types.js";

/** A deployment ready to store: on a stored provider (by id) or a declared one (by name). */
export interface DeploymentToStore {
  readonly provider: Provider;
  readonly upstreamModel: string;
  readonly modelPath: string | null;
  readonly weight: number;
  readonly enabled: boolean;
}

/**
 * A name addresses one model: the model's name and aliases must not be another model's name or
 * alias. (Two admins racing for one name across a name and an alias is not caught; the snapshot
 * then ignores the later alias and logs it.)
 */
export function checkNamesFree(
  state: CatalogState,
  name: string,
  aliases: readonly string[],
  exceptModelId: string | null,
): void {
  if (aliases.includes(name)) {
    throw new AppError("VALIDATION_ERROR", "A model's alias cannot be its own name", {
      details: { field: "aliases" },
    });
  }
  const owners = new Map<string, string>();
  for (const model of state.models) {
    if (model.id === exceptModelId) continue;
    owners.set(model.name, model.name);
    for (const alias of model.aliases) owners.set(alias, model.name);
  }
  for (const [field, value] of [
    ["name", name],
    ...aliases.map((alias) => ["aliases", alias] as const),
  ] as const) {
    const owner = owners.get(value);
    if (owner !== undefined) {
      throw new AppError("CONFLICT", `"${value}" is already the name or an alias of model "${owner}"`, {
        details: { field },
      });
    }
  }
}

/** Checks each deployment against the providers the catalog knows. */
export function deploymentsToStore(
  state: CatalogState,
  modelName: string,
  inputs: readonly GatewayDeploymentInput[],
): DeploymentToStore[] {
  const providers = new Map(state.providers.map((entry) => [entry.provider.name, entry.provider]));
  const seen = new Set<string>();
  return inputs.map((input, index) => {
    const field = `deployments.${index}`;
    const provider = providers.get(input.provider);
    if (!provider) {
      throw new AppError("VALIDATION_ERROR", `No provider named "${input.provider}"`, {
        details: { field: `${field}.provider` },
      });
    }
    if (provider.type === "local" && !input.model_path) {
      throw new AppError("VALIDATION_ERROR", "A deployment on a local provider needs model_path", {
        details: { field: `${field}.model_path` },
      });
    }
    const upstreamModel = input.upstream_model ?? modelName;
    const key = `${provider.name}\u0000${upstreamModel}`;
    if (seen.has(key)) {
      throw new AppError("VALIDATION_ERROR", `"${upstreamModel}" on "${provider.name}" is listed twice`, {
        details: { field },
      });
    }
    seen.add(key);
    return {
      provider,
      upstreamModel,
      modelPath: input.model_path ?? null,
      weight: input.weight ?? 1,
      enabled: input.enabled ?? true,
    };
  });
}

export async function insertAliases(tx: SqlTx, modelId: string, aliases: readonly string[]): Promise<void> {
  for (const alias of aliases) {
    await tx.query("INSERT INTO gateway_model_aliases (alias, model_id) VALUES ($1, $2)", [alias, modelId]);
  }
}

export async function insertDeployments(
  tx: SqlTx,
  modelId: string,
  deployments: readonly DeploymentToStore[],
): Promise<void> {
  for (const deployment of deployments) {
    const stored = deployment.provider.source === "api";
    await tx.query(
      `INSERT INTO gateway_deployments
         (id, model_id, provider_id, declared_provider, upstream_model, model_path, weight, enabled)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        uuidv7(),
        modelId,
        stored ? deployment.provider.id : null,
        stored ? null : deployment.provider.name,
        deployment.upstreamModel,
        deployment.modelPath,
        deployment.weight,
        deployment.enabled,
      ],
    );
  }
}

/** A stored provider deleted between the check and the insert. */
export function providerGone(error: unknown): never {
  if ((error as { code?: string }).code === "23503") {
    throw new AppError("CONFLICT", "A provider of this model was deleted meanwhile; try again", {
      cause: error,
    });
  }
  throw error;
}
