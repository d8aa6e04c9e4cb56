import type { Capability, CatalogSnapshot, Deployment, Model, Provider } from "../catalog/types.js";
import { GatewayError } from "../gateway-error.js";
import type { CircuitBreakers } from "./circuit-breaker.js";
import type { LatencyTracker } from "./latency-tracker.js";
import type { RequiredFeature, RouterExtensions } from "./router-extensions.js";

/** One place a call can go: a model's deployment on a provider, with the cost estimated for it. */
export interface Target {
  readonly model: Model;
  readonly deployment: Deployment;
  readonly provider: Provider;
  readonly estimatedCostUsd: number;
}

export interface RoutePlan {
  /** Deployments of the chosen model, best first: the retry loop fails over between them. */
  readonly primary: readonly Target[];
  /** Other models/providers, in order, tried only when `fallback_config.enabled`. */
  readonly fallbacks: readonly Target[];
  readonly reasons: readonly string[];
  readonly estimatedCostUsd: number;
}

export interface PlanInput {
  readonly catalog: CatalogSnapshot;
  readonly kind: "chat" | "embedding";
  /** The `model` the client sent; `auto` or empty lets `optimize_for` choose among all models. */
  readonly requestedModel: string;
  readonly extensions: RouterExtensions;
  /** Capabilities the request itself needs (tools → functions, images → vision, …). */
  readonly needs: readonly Capability[];
  readonly promptTokens: number;
  /** `max_tokens`, or null for the model's maximum. */
  readonly maxTokens: number | null;
  /** The API key's allow-list (names, aliases or provider/name); empty allows all. */
  readonly allowedModels: readonly string[];
  readonly breakers: CircuitBreakers;
  readonly latency: LatencyTracker;
  readonly random?: () => number;
}

const featureCapability: Record<RequiredFeature, Capability | null> = {
  function_calling: "functions",
  functions: "functions",
  vision: "vision",
  structured_output: "structured_output",
  streaming: "streaming",
  assistants: "assistants",
  batch: "batch",
};

/** Estimated USD before the call (spec §2.5; unset max_tokens uses the model's maximum output). */
export function estimateCostUsd(model: Model, promptTokens: number, maxTokens: number | null): number {
  const output = Math.min(maxTokens ?? model.maxOutputTokens, model.maxOutputTokens);
  return (promptTokens * model.prices.input + output * model.prices.output) / 1_000_000;
}

/** Decides where a call goes (spec §1.3, §3.4): explicit model or `optimize_for`, filtered by features and cost. */
export function planRoute(input: PlanInput): RoutePlan {
  const { catalog, extensions } = input;
  const required = requiredCapabilities(input);
  const reasons: string[] = [];
  const wantsAuto = input.requestedModel === "" || input.requestedModel === "auto";
  let chosen: Model;
  if (!wantsAuto) {
    const model = catalog.resolve(input.requestedModel);
    if (!model || model.kind !== input.kind) {
      throw new GatewayError("invalid_request", `Invalid model specified: ${input.requestedModel}`, {
        code: "invalid_model",
        param: "model",
      });
    }
    checkAllowed(input.allowedModels, input.requestedModel, model, catalog);
    const missing = required.filter((capability) => !model.capabilities.has(capability));
    if (missing.length > 0) {
      throw new GatewayError(
        "invalid_request",
        `Model ${model.name} does not support ${missing.join(", ")}`,
        { code: "unsupported_feature", param: missing.includes("vision") ? "messages" : "required_features" },
      );
    }
    chosen = model;
    reasons.push(`Specific model requested: ${input.requestedModel}`);
  } else {
    const candidates = eligibleModels(input, required);
    if (candidates.length === 0) {
      throw new GatewayError("invalid_request", "No available model supports this request", {
        code: "no_eligible_model",
        param: "required_features",
      });
    }
    const best = rankModels(candidates, input)[0];
    if (!best) throw new GatewayError("invalid_request", "No available model", { code: "invalid_model" });
    chosen = best;
    reasons.push(...strategyReasons(extensions.optimizeFor));
  }

  let estimate = estimateCostUsd(chosen, input.promptTokens, input.maxTokens);
  if (extensions.maxCost !== null && estimate > extensions.maxCost) {
    // Resolved in the spec as: fall back to a cheaper compatible model first, then reject.
    const cheaper = eligibleModels(input, required)
      .map((model) => ({ model, cost: estimateCostUsd(model, input.promptTokens, input.maxTokens) }))
      .filter((entry) => entry.cost <= (extensions.maxCost ?? 0))
      .sort((a, b) => a.cost - b.cost || a.model.name.localeCompare(b.model.name))[0];
    if (!cheaper) {
      throw new GatewayError(
        "invalid_request",
        `Estimated cost $${estimate.toFixed(6)} exceeds max_cost $${extensions.maxCost}`,
        { code: "max_cost_exceeded", param: "max_cost" },
      );
    }
    reasons.push(`Estimated cost over max_cost; switched to ${cheaper.model.name}`);
    chosen = cheaper.model;
    estimate = cheaper.cost;
  }

  const primary = orderDeployments(chosen, input, estimate);
  if (primary.length === 0) {
    throw new GatewayError("unavailable", `No enabled deployment serves ${chosen.name}`, {
      code: "provider_unavailable",
    });
  }
  reasons.push(`Provider selected: ${primary[0]?.provider.name}`);
  return {
    primary,
    fallbacks: extensions.fallback.enabled ? fallbackTargets(chosen, primary, input, required) : [],
    reasons,
    estimatedCostUsd: estimate,
  };
}

function requiredCapabilities(input: PlanInput): Capability[] {
  const set = new Set<Capability>(input.needs);
  for (const feature of input.extensions.requiredFeatures) {
    const capability = featureCapability[feature];
    if (capability) set.add(capability);
  }
  return [...set];
}

function eligibleModels(input: PlanInput, required: readonly Capability[]): Model[] {
  return input.catalog.models.filter(
    (model) =>
      model.kind === input.kind &&
      required.every((capability) => model.capabilities.has(capability)) &&
      model.deployments.some((d) => d.enabled && input.catalog.providers.get(d.providerName)?.enabled) &&
      isAllowed(input.allowedModels, model, input.catalog),
  );
}

function rankModels(models: Model[], input: PlanInput): Model[] {
  const cost = (model: Model) => estimateCostUsd(model, input.promptTokens, input.maxTokens);
  const latency = (model: Model) =>
    Math.min(...model.deployments.map((d) => input.latency.expected(d.id, model.name)));
  const byName = (a: Model, b: Model) => a.name.localeCompare(b.name);
  switch (input.extensions.optimizeFor) {
    case "performance":
      return [...models].sort((a, b) => latency(a) - latency(b) || byName(a, b));
    case "quality":
      return [...models].sort((a, b) => b.qualityRank - a.qualityRank || cost(a) - cost(b) || byName(a, b));
    case "cost":
    case null:
      return [...models].sort((a, b) => cost(a) - cost(b) || byName(a, b));
  }
}

function strategyReasons(strategy: RouterExtensions["optimizeFor"]): string[] {
  switch (strategy) {
    case "cost":
    case null:
      return ["Cost-optimized routing", "Selected cheapest provider"];
    case "performance":
      return ["Performance-optimized routing", "Selected lowest observed latency"];
    case "quality":
      return ["Quality-optimized routing", "Selected highest-quality model"];
  }
}

/**
 * Enabled deployments whose provider is enabled: one drawn by weight first (so traffic splits by
 * weight), the rest by weight; open circuit breakers go last, and with `optimize_for: performance`
 * the observed latency orders them instead.
 */
function orderDeployments(model: Model, input: PlanInput, estimate: number): Target[] {
  const usable: Target[] = [];
  for (const deployment of model.deployments) {
    const provider = input.catalog.providers.get(deployment.providerName);
    if (!deployment.enabled || !provider?.enabled) continue;
    usable.push({ model, deployment, provider, estimatedCostUsd: estimate });
  }
  if (usable.length <= 1) return usable;
  let ordered: Target[];
  if (input.extensions.optimizeFor === "performance") {
    ordered = [...usable].sort(
      (a, b) =>
        input.latency.expected(a.deployment.id, model.name) -
        input.latency.expected(b.deployment.id, model.name),
    );
  } else {
    const random = input.random ?? Math.random;
    const total = usable.reduce((sum, t) => sum + t.deployment.weight, 0);
    let pick = random() * total;
    let first = usable[0] as Target;
    for (const target of usable) {
      pick -= target.deployment.weight;
      if (pick < 0) {
        first = target;
        break;
      }
    }
    ordered = [
      first,
      ...usable.filter((t) => t !== first).sort((a, b) => b.deployment.weight - a.deployment.weight),
    ];
  }
  const closed = ordered.filter((t) => !input.breakers.isOpen(t.deployment.id));
  const open = ordered.filter((t) => input.breakers.isOpen(t.deployment.id));
  return [...closed, ...open];
}

/** `preferred_chain` (provider names) or, by default, the other providers, each with its best model. */
function fallbackTargets(
  chosen: Model,
  primary: readonly Target[],
  input: PlanInput,
  required: readonly Capability[],
): Target[] {
  const primaryProviders = new Set(primary.map((t) => t.provider.name));
  const chain =
    input.extensions.fallback.preferredChain.length > 0
      ? input.extensions.fallback.preferredChain.filter((name) => !primaryProviders.has(name))
      : [...input.catalog.providers.keys()].filter((name) => !primaryProviders.has(name)).sort();
  const requireSame = input.extensions.fallback.requireSameFeatures;
  const targets: Target[] = [];
  for (const providerName of chain) {
    const provider = input.catalog.providers.get(providerName);
    if (!provider?.enabled) continue;
    const options = input.catalog.models
      .filter(
        (model) =>
          model.kind === chosen.kind &&
          (!requireSame || required.every((c) => model.capabilities.has(c))) &&
          isAllowed(input.allowedModels, model, input.catalog),
      )
      .flatMap((model) =>
        model.deployments
          .filter((d) => d.enabled && d.providerName === providerName)
          .map((deployment) => ({ model, deployment })),
      )
      // The same model first, then the closest in quality, then the cheaper.
      .sort(
        (a, b) =>
          Number(b.model.id === chosen.id) - Number(a.model.id === chosen.id) ||
          Math.abs(a.model.qualityRank - chosen.qualityRank) -
            Math.abs(b.model.qualityRank - chosen.qualityRank) ||
          a.model.prices.output - b.model.prices.output,
      );
    const best = options[0];
    if (!best) continue;
    targets.push({
      model: best.model,
      deployment: best.deployment,
      provider,
      estimatedCostUsd: estimateCostUsd(best.model, input.promptTokens, input.maxTokens),
    });
  }
  return targets;
}

function isAllowed(allowed: readonly string[], model: Model, catalog: CatalogSnapshot): boolean {
  if (allowed.length === 0) return true;
  return allowed.some((entry) => catalog.resolve(entry)?.id === model.id);
}

function checkAllowed(
  allowed: readonly string[],
  requested: string,
  model: Model,
  catalog: CatalogSnapshot,
): void {
  if (!isAllowed(allowed, model, catalog)) {
    throw new GatewayError("permission", `This API key may not use the model ${requested}`, {
      code: "model_not_allowed",
      param: "model",
    });
  }
}
