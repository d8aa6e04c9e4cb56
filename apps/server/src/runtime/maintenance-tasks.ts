import type { ScheduledTask } from "./scheduler.js";

/** Housekeeping that every installation needs; modules add their own tasks later. */
export function maintenanceTasks(): ScheduledTask[] {
  return [
    {
      name: "prune-idempotency-keys",
      everyMs: 10 * 60_000,
      run: async (tx) => {
        await tx.query("DELETE FROM idempotency_keys WHERE expires_at < now()");
      },
    },
  ];
}
