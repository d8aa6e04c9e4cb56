import { type Span, SpanKind, SpanStatusCode } from "@opentelemetry/api";
import type { FastifyInstance } from "fastify";
import type { Tracing } from "../platform/telemetry/tracing.js";

const spans = new WeakMap<object, Span>();

/** One server span per request, named by route pattern, joined to the caller's trace when it sent one. */
export function traceRequests(app: FastifyInstance, tracing: Tracing): void {
  if (!tracing.enabled) return;
  app.addHook("onRequest", async (request) => {
    const route = request.routeOptions.url ?? "unmatched";
    const span = tracing.tracer.startSpan(
      `${request.method} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          "http.request.method": request.method,
          "http.route": route,
          "tributary.request_id": request.id,
        },
      },
      tracing.extract(request.headers),
    );
    spans.set(request, span);
  });
  app.addHook("onResponse", async (request, reply) => {
    const span = spans.get(request);
    if (!span) return;
    span.setAttribute("http.response.status_code", reply.statusCode);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
}
