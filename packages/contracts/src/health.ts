import { z } from "zod";

export const liveResponseSchema = z.object({ status: z.literal("ok") }).meta({ id: "Live" });

export const componentHealthSchema = z
  .object({
    name: z.string().describe("database, objects, cache, events, jobs, …"),
    adapter: z.string().describe("Which adapter serves the port, e.g. pglite or postgres"),
    status: z.enum(["up", "down"]),
    latency_ms: z.number().int().nonnegative(),
    error: z.string().optional(),
    details: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: "ComponentHealth" });

export const readyResponseSchema = z
  .object({
    status: z.enum(["ready", "unavailable"]),
    components: z.array(componentHealthSchema),
    failing: z.array(z.string()).describe("Names of the components that are down"),
  })
  .meta({ id: "Readiness" });

export type ReadyResponse = z.infer<typeof readyResponseSchema>;
