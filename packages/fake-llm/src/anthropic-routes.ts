import type { IncomingMessage, ServerResponse } from "node:http";
import { answer, type ServerState } from "./answer.js";
import { anthropicError } from "./anthropic-errors.js";
import { anthropicMessage } from "./anthropic-messages.js";
import { anthropicPromptTokens, parseAnthropicMessages } from "./anthropic-request.js";
import { messageEvents } from "./anthropic-stream.js";
import { generateTurn } from "./generate.js";
import { asArray, asObject, bearerToken, header, type JsonReply, sendJson } from "./http-io.js";
import { anthropicModels } from "./models.js";

/** x-api-key (or a Bearer token) and anthropic-version, checked as api.anthropic.com does. */
export function anthropicRequestFailure(req: IncomingMessage, state: ServerState): JsonReply | undefined {
  const key = header(req, "x-api-key") ?? bearerToken(req);
  if (key === undefined || key === "") {
    return anthropicError(401, { message: "x-api-key header is required" });
  }
  if (state.apiKey !== undefined && key !== state.apiKey) return anthropicError(401);
  if (header(req, "anthropic-version") === undefined) {
    return anthropicError(400, { message: "anthropic-version: header is required" });
  }
  return undefined;
}

export async function handleAnthropic(
  req: IncomingMessage,
  res: ServerResponse,
  route: "messages" | "count_tokens" | "models",
  body: unknown,
  state: ServerState,
): Promise<void> {
  const failure = anthropicRequestFailure(req, state);
  if (failure !== undefined) return sendJson(res, failure);
  if (route === "models") return sendJson(res, anthropicModels(state.models));
  if (route === "count_tokens") {
    const object = asObject(body) ?? {};
    const tokens = anthropicPromptTokens(object, asArray(object.messages) ?? []);
    return sendJson(res, { status: 200, headers: {}, body: { input_tokens: tokens } });
  }
  const parsed = parseAnthropicMessages(body);
  if (!parsed.ok) return sendJson(res, parsed.reply);
  const request = parsed.request;
  return answer(
    res,
    state.script.next(),
    {
      stream: request.stream,
      reply: (behaviour) => {
        const turn = generateTurn(behaviour, request.generation);
        if (!request.stream) {
          return {
            kind: "json",
            reply: {
              status: 200,
              headers: {},
              body: anthropicMessage(request, turn, state.ids, behaviour.usage),
            },
          };
        }
        return { kind: "sse", events: messageEvents(request, turn, state.ids, behaviour.usage) };
      },
      error: (behaviour) =>
        anthropicError(behaviour.status, { ...behaviour, requestId: state.ids.next("req_") }),
    },
    state,
  );
}
