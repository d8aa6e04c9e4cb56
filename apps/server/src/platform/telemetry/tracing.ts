import {
  type Context,
  defaultTextMapGetter,
  ProxyTracerProvider,
  ROOT_CONTEXT,
  type Tracer,
} from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";

/** Traces exported over OTLP/HTTP when an endpoint is configured; a no-op tracer otherwise. */
export interface Tracing {
  readonly tracer: Tracer;
  readonly enabled: boolean;
  /** The caller's trace context from `traceparent`/`tracestate` headers, so our spans join its trace. */
  extract(headers: Record<string, string | string[] | undefined>): Context;
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

const propagator = new W3CTraceContextPropagator();

export async function createTracing(options: {
  endpoint: string | undefined;
  version: string;
}): Promise<Tracing> {
  const extract = (headers: Record<string, string | string[] | undefined>) =>
    propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
  if (!options.endpoint) {
    return {
      tracer: new ProxyTracerProvider().getTracer("tributary"),
      enabled: false,
      extract,
      flush: async () => {},
      shutdown: async () => {},
    };
  }
  // Loaded only when exporting, so an instance without a collector does not carry the SDK.
  const [{ OTLPTraceExporter }, { resourceFromAttributes }, { BasicTracerProvider, BatchSpanProcessor }] =
    await Promise.all([
      import("@opentelemetry/exporter-trace-otlp-http"),
      import("@opentelemetry/resources"),
      import("@opentelemetry/sdk-trace-base"),
    ]);
  // Not registered globally: every instance (and every test) owns its provider.
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "tributary", "service.version": options.version }),
    spanProcessors: [
      new BatchSpanProcessor(
        new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/$/, "")}/v1/traces` }),
        {
          scheduledDelayMillis: 1_000,
        },
      ),
    ],
  });
  return {
    tracer: provider.getTracer("tributary", options.version),
    enabled: true,
    extract,
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
