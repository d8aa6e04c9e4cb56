/**
 * Per-deployment circuit breakers: after `failures` consecutive retryable failures a deployment is
 * skipped for `cooldownMs`; then one trial call is let through (half-open) and its outcome decides.
 * State is per node on purpose: a breaker protects this node's calls and heals on its own.
 */
export class CircuitBreakers {
  private readonly states = new Map<string, { failures: number; openUntil: number; trial: boolean }>();

  constructor(
    private readonly failures: number,
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when a call may go to this deployment now (claims the half-open trial if due). */
  allow(deploymentId: string): boolean {
    const state = this.states.get(deploymentId);
    if (!state || state.failures < this.failures) return true;
    if (this.now() < state.openUntil) return false;
    if (state.trial) return false;
    state.trial = true;
    return true;
  }

  isOpen(deploymentId: string): boolean {
    const state = this.states.get(deploymentId);
    return state !== undefined && state.failures >= this.failures && this.now() < state.openUntil;
  }

  succeeded(deploymentId: string): void {
    this.states.delete(deploymentId);
  }

  failed(deploymentId: string): void {
    const state = this.states.get(deploymentId) ?? { failures: 0, openUntil: 0, trial: false };
    state.failures += 1;
    state.trial = false;
    if (state.failures >= this.failures) state.openUntil = this.now() + this.cooldownMs;
    this.states.set(deploymentId, state);
  }
}
