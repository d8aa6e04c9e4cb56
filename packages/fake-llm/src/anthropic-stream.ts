import { anthropicStopReason, anthropicUsage, contentBlocks } from "./anthropic-messages.js";
import type { AnthropicMessagesRequest } from "./anthropic-request.js";
import type { GeneratedTurn } from "./generate.js";
import type { IdSource } from "./http-io.js";
import type { SseEvent } from "./sse.js";
import { splitTokens } from "./tokens.js";
import type { UsageOverride } from "./types.js";

function event(type: string, payload: Record<string, unknown> = {}): SseEvent {
  return { event: type, data: JSON.stringify({ type, ...payload }) };
}

/**
 * The named events of a streamed message in the documented order: message_start, then per block
 * content_block_start / deltas / content_block_stop (a ping follows the first block start), then
 * message_delta with the stop reason and cumulative output_tokens, then message_stop.
 */
export function messageEvents(
  request: AnthropicMessagesRequest,
  turn: GeneratedTurn,
  ids: IdSource,
  override: UsageOverride | undefined,
): SseEvent[] {
  const blocks = contentBlocks(turn, ids);
  const events: SseEvent[] = [
    event("message_start", {
      message: {
        id: ids.next("msg_"),
        type: "message",
        role: "assistant",
        model: request.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        // Like the real API, message_start reports a provisional output count; message_delta has the total.
        usage: anthropicUsage(request, turn, override, 1),
      },
    }),
  ];
  blocks.forEach((block, index) => {
    if (block.type === "text") {
      events.push(event("content_block_start", { index, content_block: { type: "text", text: "" } }));
      if (index === 0) events.push(event("ping"));
      for (const text of splitTokens(block.text)) {
        events.push(event("content_block_delta", { index, delta: { type: "text_delta", text } }));
      }
    } else {
      const start = { type: "tool_use", id: block.id, name: block.name, input: {} };
      events.push(event("content_block_start", { index, content_block: start }));
      if (index === 0) events.push(event("ping"));
      const json = JSON.stringify(block.input);
      for (const partial_json of ["", ...splitTokens(json)]) {
        events.push(
          event("content_block_delta", { index, delta: { type: "input_json_delta", partial_json } }),
        );
      }
    }
    events.push(event("content_block_stop", { index }));
  });
  events.push(
    event("message_delta", {
      delta: { stop_reason: anthropicStopReason(turn.finish), stop_sequence: turn.stopSequence },
      usage: { output_tokens: override?.completionTokens ?? turn.completionTokens },
    }),
    event("message_stop"),
  );
  return events;
}
