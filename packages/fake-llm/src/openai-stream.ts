import type { GeneratedTurn } from "./generate.js";
import type { IdSource } from "./http-io.js";
import { openAiFinishReason, openAiUsage, SYSTEM_FINGERPRINT, toolCallIds } from "./openai-chat.js";
import type { OpenAiChatRequest } from "./openai-request.js";
import type { SseEvent } from "./sse.js";
import { splitTokens } from "./tokens.js";
import type { UsageOverride } from "./types.js";

interface StreamOptions {
  usage: UsageOverride | undefined;
  omitUsage: boolean;
}

function deltasForChoice(turn: GeneratedTurn, callIds: string[]): unknown[] {
  const hasTools = turn.toolCalls.length > 0;
  const deltas: unknown[] = [{ role: "assistant", content: hasTools ? null : "", refusal: null }];
  for (const piece of splitTokens(turn.text)) deltas.push({ content: piece });
  turn.toolCalls.forEach((call, index) => {
    deltas.push({
      tool_calls: [
        { index, id: callIds[index], type: "function", function: { name: call.name, arguments: "" } },
      ],
    });
    for (const fragment of splitTokens(call.arguments)) {
      deltas.push({ tool_calls: [{ index, function: { arguments: fragment } }] });
    }
  });
  return deltas;
}

/**
 * The `data:` events of a streamed chat completion, in api.openai.com's order: a role delta, content
 * or tool-call deltas, an empty delta carrying finish_reason, the usage chunk (choices: []) when
 * stream_options.include_usage is set, then [DONE]. With include_usage every chunk carries usage: null.
 */
export function chatCompletionEvents(
  request: OpenAiChatRequest,
  turn: GeneratedTurn,
  ids: IdSource,
  options: StreamOptions,
): SseEvent[] {
  const id = ids.next("chatcmpl-");
  const created = Math.floor(Date.now() / 1000);
  const callIds = toolCallIds(turn, ids);
  const chunk = (choices: unknown[], usage?: unknown): SseEvent => ({
    data: JSON.stringify({
      id,
      object: "chat.completion.chunk",
      created,
      model: request.model,
      service_tier: "default",
      system_fingerprint: SYSTEM_FINGERPRINT,
      choices,
      ...(request.includeUsage ? { usage: usage ?? null } : {}),
    }),
  });
  const events: SseEvent[] = [];
  for (let index = 0; index < request.n; index += 1) {
    for (const delta of deltasForChoice(turn, callIds)) {
      events.push(chunk([{ index, delta, logprobs: null, finish_reason: null }]));
    }
    events.push(
      chunk([{ index, delta: {}, logprobs: null, finish_reason: openAiFinishReason(turn.finish) }]),
    );
  }
  if (request.includeUsage && !options.omitUsage) {
    events.push(chunk([], openAiUsage(request, turn, options.usage)));
  }
  events.push({ data: "[DONE]" });
  return events;
}
