export type InterruptionReason = "cancelled" | "lease-lost" | "shutdown";

/** The abort reason a handler's signal carries, and what `ctx.heartbeat()` throws once it fired. */
export class JobInterruptedError extends Error {
  readonly reason: InterruptionReason;

  constructor(jobId: string, reason: InterruptionReason) {
    super(`job ${jobId} interrupted: ${reason}`);
    this.name = "JobInterruptedError";
    this.reason = reason;
  }
}

export function interruptionOf(signal: AbortSignal): InterruptionReason | undefined {
  return signal.aborted && signal.reason instanceof JobInterruptedError ? signal.reason.reason : undefined;
}
