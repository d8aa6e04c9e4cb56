import { liveResponseSchema, type ReadyResponse, readyResponseSchema } from "@tributary/contracts";
import { defineRoute } from "./route-builder.js";

/** One adapter in use, with a cheap check that it can serve. */
export interface HealthProbe {
  readonly name: string;
  readonly adapter: string;
  /** Throws when down; may return details worth showing (e.g. an embedder running in fallback mode). */
  probe(): Promise<Record<string, string> | undefined>;
}

const probeTimeoutMs = 3_000;

export async function checkReadiness(probes: readonly HealthProbe[]): Promise<ReadyResponse> {
  const components = await Promise.all(
    probes.map(async (probe) => {
      const started = performance.now();
      try {
        const details = await withTimeout(
          probe.probe(),
          probeTimeoutMs,
          `${probe.name} did not answer in ${probeTimeoutMs} ms`,
        );
        return {
          name: probe.name,
          adapter: probe.adapter,
          status: "up" as const,
          latency_ms: Math.round(performance.now() - started),
          ...(details ? { details } : {}),
        };
      } catch (error) {
        return {
          name: probe.name,
          adapter: probe.adapter,
          status: "down" as const,
          latency_ms: Math.round(performance.now() - started),
          error: (error as Error).message,
        };
      }
    }),
  );
  const failing = components.filter((c) => c.status === "down").map((c) => c.name);
  return { status: failing.length === 0 ? "ready" : "unavailable", components, failing };
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(probes: readonly HealthProbe[]) {
  const live = (url: string) =>
    defineRoute({
      method: "GET",
      url,
      summary: url === "/health" ? "Process is up" : "Liveness: the process is up",
      tags: ["operations"],
      auth: "public",
      rateLimit: false,
      response: liveResponseSchema,
      handler: async () => ({ status: "ok" as const }),
    });
  const ready = defineRoute({
    method: "GET",
    url: "/health/ready",
    summary: "Readiness: every adapter in use answers",
    description:
      "200 with each component's status when all are up; 503 naming the failing components otherwise.",
    tags: ["operations"],
    auth: "public",
    rateLimit: false,
    response: readyResponseSchema,
    otherResponses: { 503: readyResponseSchema },
    handler: async ({ reply }) => {
      const readiness = await checkReadiness(probes);
      if (readiness.status !== "ready") reply.status(503);
      return readiness;
    },
  });
  return [live("/health"), live("/health/live"), ready];
}
