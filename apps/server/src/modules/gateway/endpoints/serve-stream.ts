import { costOf } from "../pricing/token-usage.js";
import { parseSse } from "../protocols/index.js";
import { executePlan } from "../routing/execute-plan.js";
import type { RoutePlan } from "../routing/plan-route.js";
import { toFailure } from "../upstream/upstream-client.js";
import { finishMetering, mergeEstimate, routerMetadata } from "./call-metering.js";
import type { CallReply } from "./call-reply.js";
import { type CallState, type GatewayDeps, sendUpstream } from "./call-state.js";
import type { InboundProtocol, SseEvent, StreamSession } from "./inbound-protocol.js";

interface OpenedStream {
  readonly session: StreamSession;
  readonly events: AsyncIterator<SseEvent>;
  readonly buffered: SseEvent[];
  readonly done: boolean;
}

export async function serveStream(
  inbound: InboundProtocol,
  reply: CallReply,
  deps: GatewayDeps,
  state: CallState,
  fields: Record<string, unknown>,
  plan: RoutePlan,
  signal: AbortSignal,
): Promise<void> {
  const wantsUsage = inbound.wantsStreamUsage(fields);
  let firstByteAt = 0;
  const executed = await executePlan(
    plan,
    async (target): Promise<OpenedStream> => {
      const sentAt = performance.now();
      try {
        const response = await sendUpstream(deps, inbound, state, fields, target, true, signal);
        // Read up to the first generated output: a stream that fails before it can still fall back.
        const events = parseSse(response.body)[Symbol.asyncIterator]();
        const session = inbound.openStream(target, state.requestedModel, wantsUsage, fields);
        const buffered: SseEvent[] = [];
        for (;;) {
          const next = await events.next();
          if (next.done) return { session, events, buffered, done: true };
          buffered.push(next.value);
          if (session.isFirstOutput(next.value)) return { session, events, buffered, done: false };
        }
      } catch (error) {
        throw toFailure(error, target.provider);
      } finally {
        firstByteAt = performance.now();
        state.providerMs += firstByteAt - sentAt;
      }
    },
    { retry: state.extensions.retry, fallback: state.extensions.fallback, breakers: deps.breakers, signal },
  );
  const { session, events, buffered } = executed.value;
  const target = executed.target;
  const filter = state.guardrail ? deps.guardrails.streamFilter(state.guardrail.policy) : null;
  if (filter) session.setTextFilter(filter);
  const overheadMs = performance.now() - state.startedAt - state.providerMs;
  reply.startStream({
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
    "x-request-id": reply.requestId,
    "x-tributary-overhead-ms": overheadMs.toFixed(3),
  });
  let status: "success" | "error" | "cancelled" = "success";
  let errorCode: string | null = null;
  try {
    for (const event of buffered) writeFrames(reply, session.push(event));
    if (!executed.value.done) {
      for (;;) {
        const next = await events.next();
        if (next.done) break;
        writeFrames(reply, session.push(next.value));
      }
    }
  } catch (error) {
    if (signal.aborted) {
      status = "cancelled";
      errorCode = "client_disconnected";
    } else {
      status = "error";
      const failure = toFailure(error, target.provider);
      errorCode = failure.failureClass;
      if (!reply.gone) reply.write(session.errorFrame(`The provider stream failed: ${failure.message}`));
    }
  } finally {
    await events.return?.().catch(() => {});
  }
  state.providerMs += performance.now() - firstByteAt;
  deps.latency.observe(target.deployment.id, state.providerMs);
  const reported = session.usage();
  const usage =
    status === "success" && reported ? reported : mergeEstimate(state, reported, session.generatedText());
  const costUsd = costOf(usage, target.model.prices);
  if (!reply.gone) {
    const closing = session.finish(
      status === "success" ? routerMetadata(state, target, executed.trace, costUsd, overheadMs) : null,
    );
    reply.end(closing.join(""));
  }
  if (filter && state.guardrail) state.guardrail = deps.guardrails.merge(state.guardrail, filter.verdict());
  finishMetering(deps, state, {
    target,
    usage,
    costUsd,
    estimated: !(status === "success" && reported),
    status,
    httpStatus: 200,
    errorCode,
    cacheHit: false,
    trace: executed.trace,
    overheadMs,
  });
}

/** The frames one upstream event gives, in one write (one chunk, one syscall). */
function writeFrames(reply: CallReply, frames: readonly string[]): void {
  if (frames.length > 0) reply.write(frames.length === 1 ? (frames[0] as string) : frames.join(""));
}
