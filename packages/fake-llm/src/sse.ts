import type { ServerResponse } from "node:http";
import { sleep } from "./http-io.js";

export interface SseEvent {
  /** The `event:` field; OpenAI omits it, Anthropic names every event. */
  event?: string;
  data: string;
}

/** How a stream ends early: after `afterEvents` events it goes silent or the socket is destroyed. */
export interface StreamFault {
  mode: "stall" | "drop";
  afterEvents: number;
}

export interface StreamPacing {
  chunkIntervalMs: number;
  fault: StreamFault | undefined;
}

export function formatSse(event: SseEvent): string {
  return event.event === undefined
    ? `data: ${event.data}\n\n`
    : `event: ${event.event}\ndata: ${event.data}\n\n`;
}

/**
 * Writes events with the configured pacing. On a stall the response is left open and silent until the
 * client gives up; on a drop the socket is destroyed without a terminating chunk.
 */
export async function writeSse(
  res: ServerResponse,
  events: readonly SseEvent[],
  pacing: StreamPacing,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
    ...extraHeaders,
  });
  res.flushHeaders();
  for (const [index, event] of events.entries()) {
    if (pacing.fault !== undefined && index >= pacing.fault.afterEvents) {
      if (pacing.fault.mode === "drop") res.socket?.destroy();
      return;
    }
    if (index > 0) await sleep(pacing.chunkIntervalMs);
    if (res.destroyed || res.writableEnded) return;
    if (pacing.fault === undefined) res.write(formatSse(event));
    // Before a fault, wait for each event to reach the socket, or destroy() would discard it.
    else await new Promise<void>((resolve) => res.write(formatSse(event), () => resolve()));
  }
  // A fault placed past the last event still applies: the stream never terminates cleanly.
  if (pacing.fault?.mode === "drop") res.socket?.destroy();
  else if (pacing.fault === undefined) res.end();
}
