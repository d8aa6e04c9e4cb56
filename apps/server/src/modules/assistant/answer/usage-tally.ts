import type { AssistantUsage } from "@tributary/contracts";
import type { OpenAiUsage } from "../../gateway/index.js";

/** Adds up the gateway calls of one answer (a follow-up rewrite, then the answer itself). */
export class UsageTally {
  private calls = 0;
  private prompt = 0;
  private completion = 0;
  private costUsd = 0;

  add(
    usage: OpenAiUsage | null | undefined,
    routerMetadata: Record<string, unknown> | null | undefined,
  ): void {
    this.calls += 1;
    this.prompt += usage?.prompt_tokens ?? 0;
    this.completion += usage?.completion_tokens ?? 0;
    const cost = routerMetadata?.actual_cost;
    if (typeof cost === "number" && Number.isFinite(cost)) this.costUsd += cost;
  }

  /** Null when no model was called. */
  summary(): AssistantUsage | null {
    if (this.calls === 0) return null;
    return {
      prompt_tokens: this.prompt,
      completion_tokens: this.completion,
      total_tokens: this.prompt + this.completion,
      cost_usd: Number(this.costUsd.toFixed(9)),
      model_calls: this.calls,
    };
  }
}
