import type {
  CreateGatewayModelRequest,
  GatewayCapability,
  GatewayDeploymentInput,
  GatewayModel,
  UpdateGatewayModelRequest,
} from "@tributary/contracts";
import { optionalNumber, splitNames } from "../form-numbers";

/** Every capability a model may declare; a Record, so the list cannot drift from the contract. */
export const capabilityLabels: Record<GatewayCapability, string> = {
  functions: "Functions",
  parallel_functions: "Parallel functions",
  vision: "Vision",
  structured_output: "Structured output",
  json_schema: "JSON schema",
  strict: "Strict schemas",
  streaming: "Streaming",
  logprobs: "Log probabilities",
  seed: "Seed",
  assistants: "Assistants",
  batch: "Batch",
  prompt_caching: "Prompt caching",
};

export interface DeploymentValues {
  readonly provider: string;
  readonly upstreamModel: string;
  readonly weight: string;
  readonly enabled: boolean;
  readonly modelPath: string;
}

export interface ModelFormValues {
  readonly name: string;
  readonly displayName: string;
  readonly kind: "chat" | "embedding";
  /** Comma- or line-separated. */
  readonly aliases: string;
  readonly capabilities: readonly GatewayCapability[];
  readonly contextWindow: string;
  readonly maxOutputTokens: string;
  readonly qualityRank: string;
  readonly deployments: readonly DeploymentValues[];
  /** USD per million tokens; only when creating (later prices are new versions). */
  readonly inputPrice: string;
  readonly outputPrice: string;
}

export type ModelField =
  | "name"
  | "aliases"
  | "contextWindow"
  | "maxOutputTokens"
  | "qualityRank"
  | "deployments"
  | "inputPrice"
  | "outputPrice";
type Errors = Partial<Record<ModelField, string>>;

export const emptyDeployment: DeploymentValues = {
  provider: "",
  upstreamModel: "",
  weight: "1",
  enabled: true,
  modelPath: "",
};

export function newModelValues(firstProvider = ""): ModelFormValues {
  return {
    name: "",
    displayName: "",
    kind: "chat",
    aliases: "",
    capabilities: [],
    contextWindow: "",
    maxOutputTokens: "",
    qualityRank: "",
    deployments: [{ ...emptyDeployment, provider: firstProvider }],
    inputPrice: "",
    outputPrice: "",
  };
}

export function modelValues(model: GatewayModel): ModelFormValues {
  return {
    name: model.name,
    displayName: model.display_name,
    kind: model.kind,
    aliases: model.aliases.join(", "),
    capabilities: model.capabilities,
    contextWindow: String(model.context_window),
    maxOutputTokens: String(model.max_output_tokens),
    qualityRank: String(model.quality_rank),
    deployments: model.deployments.map((deployment) => ({
      provider: deployment.provider,
      upstreamModel: deployment.upstream_model,
      weight: String(deployment.weight),
      enabled: deployment.enabled,
      modelPath: deployment.model_path ?? "",
    })),
    inputPrice: "",
    outputPrice: "",
  };
}

interface Checked {
  readonly errors: Errors;
  readonly common: UpdateGatewayModelRequest & { deployments: GatewayDeploymentInput[] };
}

function check(values: ModelFormValues): Checked {
  const errors: Errors = {};
  const name = values.name.trim();
  if (!/^[A-Za-z0-9]\S*$/.test(name) || name.length > 200) {
    errors.name = "Starts with a letter or digit, no spaces (clients send it as `model`)";
  }
  const aliases = splitNames(values.aliases);
  if (aliases.some((alias) => !/^[A-Za-z0-9]\S*$/.test(alias))) errors.aliases = "Aliases contain no spaces";
  else if (new Set(aliases).size !== aliases.length) errors.aliases = "Name each alias once";
  const contextWindow = optionalNumber(values.contextWindow, { min: 1, max: 100_000_000, integer: true });
  if (contextWindow === "invalid") errors.contextWindow = "A whole number of tokens, at least 1";
  const maxOutput = optionalNumber(values.maxOutputTokens, { min: 0, max: 100_000_000, integer: true });
  if (maxOutput === "invalid") errors.maxOutputTokens = "A whole number of tokens";
  const rank = optionalNumber(values.qualityRank, { min: 0, max: 100, integer: true });
  if (rank === "invalid") errors.qualityRank = "A whole number from 0 to 100";

  const deployments: GatewayDeploymentInput[] = [];
  for (const deployment of values.deployments) {
    const weight = optionalNumber(deployment.weight, { min: 0, max: 1000, integer: true });
    if (!deployment.provider) errors.deployments = "Choose a provider for every deployment";
    else if (weight === "invalid") errors.deployments = "Weights are whole numbers from 0 to 1000";
    else {
      deployments.push({
        provider: deployment.provider,
        enabled: deployment.enabled,
        ...(deployment.upstreamModel.trim() ? { upstream_model: deployment.upstreamModel.trim() } : {}),
        ...(weight !== undefined ? { weight } : {}),
        ...(deployment.modelPath.trim() ? { model_path: deployment.modelPath.trim() } : {}),
      });
    }
  }
  if (values.deployments.length === 0) errors.deployments = "Add at least one deployment";

  const common = {
    name,
    kind: values.kind,
    aliases,
    ...(values.displayName.trim() ? { display_name: values.displayName.trim() } : {}),
    ...(typeof contextWindow === "number" ? { context_window: contextWindow } : {}),
    ...(typeof maxOutput === "number" ? { max_output_tokens: maxOutput } : {}),
    ...(typeof rank === "number" ? { quality_rank: rank } : {}),
    deployments,
  };
  return { errors, common };
}

export function buildCreateModel(
  values: ModelFormValues,
): { ok: true; body: CreateGatewayModelRequest } | { ok: false; errors: Errors } {
  const { errors, common } = check(values);
  const input = optionalNumber(values.inputPrice, { max: 1_000_000 });
  const output = optionalNumber(values.outputPrice, { max: 1_000_000 });
  if (input === "invalid") errors.inputPrice = "USD per million tokens, 0 or more";
  if (output === "invalid") errors.outputPrice = "USD per million tokens, 0 or more";
  if ((input === undefined) !== (output === undefined) && !errors.inputPrice && !errors.outputPrice) {
    errors[input === undefined ? "inputPrice" : "outputPrice"] = "Give both prices, or neither";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      ...common,
      name: common.name ?? values.name,
      ...(values.capabilities.length > 0 ? { capabilities: [...values.capabilities] } : {}),
      ...(typeof input === "number" && typeof output === "number" ? { prices: { input, output } } : {}),
    },
  };
}

/** Sends every editable field: the PATCH replaces lists (aliases, capabilities, deployments) whole. */
export function buildUpdateModel(
  values: ModelFormValues,
): { ok: true; body: UpdateGatewayModelRequest } | { ok: false; errors: Errors } {
  const { errors, common } = check(values);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { ...common, capabilities: [...values.capabilities] } };
}
