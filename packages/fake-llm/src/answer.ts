import type { ServerResponse } from "node:http";
import type { BehaviourScript } from "./behaviours.js";
import { type IdSource, type JsonReply, sendJson, sleep } from "./http-io.js";
import { type SseEvent, type StreamFault, writeSse } from "./sse.js";
import type { Behaviour, ErrorBehaviour, ReplyBehaviour } from "./types.js";

export interface ServerState {
  script: BehaviourScript;
  latency: { firstByteMs: number; chunkIntervalMs: number };
  ids: IdSource;
  apiKey: string | undefined;
  embeddingDimensions: number;
  models: readonly string[];
}

/** How one protocol endpoint turns a behaviour into bytes. */
export interface Endpoint {
  stream: boolean;
  reply(behaviour: ReplyBehaviour): { kind: "json"; reply: JsonReply } | { kind: "sse"; events: SseEvent[] };
  error(behaviour: ErrorBehaviour): JsonReply;
}

async function send(
  res: ServerResponse,
  outcome: ReturnType<Endpoint["reply"]>,
  state: ServerState,
  fault: StreamFault | undefined,
): Promise<void> {
  if (outcome.kind === "json") {
    sendJson(res, outcome.reply);
    return;
  }
  await writeSse(res, outcome.events, { chunkIntervalMs: state.latency.chunkIntervalMs, fault });
}

/**
 * Plays one scripted behaviour. Faults on a non-stream request act before any byte: a stall never
 * answers (the client's timeout or abort ends it), a drop destroys the socket.
 */
export async function answer(
  res: ServerResponse,
  behaviour: Behaviour,
  endpoint: Endpoint,
  state: ServerState,
): Promise<void> {
  await sleep(state.latency.firstByteMs + (behaviour.delayMs ?? 0));
  if (res.destroyed) return;
  switch (behaviour.kind) {
    case "reply":
      return send(res, endpoint.reply(behaviour), state, undefined);
    case "error":
      return sendJson(res, endpoint.error(behaviour));
    case "stall":
    case "drop": {
      if (!endpoint.stream) {
        if (behaviour.kind === "drop") res.socket?.destroy();
        return;
      }
      const fault = { mode: behaviour.kind, afterEvents: behaviour.afterChunks };
      return send(res, endpoint.reply({ kind: "reply" }), state, fault);
    }
    default: {
      const unknown: never = behaviour;
      throw new Error(`unknown behaviour ${JSON.stringify(unknown)}`);
    }
  }
}
