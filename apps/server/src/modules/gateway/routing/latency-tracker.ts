/** Published averages (spec §3.6) used until a deployment has observations of its own. */
const priorLatencyMs: Record<string, number> = {
  "gpt-4": 800,
  "gpt-4-turbo": 600,
  "gpt-4-vision": 600,
  "gpt-3.5-turbo": 400,
  "claude-3-opus": 1200,
  "claude-3-sonnet": 800,
  "claude-3-haiku": 500,
};
const defaultPriorMs = 1000;

/** Exponentially weighted moving average of provider latency per deployment (`optimize_for: performance`). */
export class LatencyTracker {
  private readonly averages = new Map<string, number>();

  constructor(private readonly alpha = 0.2) {}

  observe(deploymentId: string, latencyMs: number): void {
    const previous = this.averages.get(deploymentId);
    this.averages.set(
      deploymentId,
      previous === undefined ? latencyMs : previous + this.alpha * (latencyMs - previous),
    );
  }

  expected(deploymentId: string, modelName: string): number {
    return this.averages.get(deploymentId) ?? priorLatencyMs[modelName] ?? defaultPriorMs;
  }
}
