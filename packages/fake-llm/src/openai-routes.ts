import type { IncomingMessage, ServerResponse } from "node:http";
import { answer, type ServerState } from "./answer.js";
import { embeddingsReply } from "./embeddings.js";
import { generateTurn } from "./generate.js";
import { bearerToken, type JsonReply, sendJson } from "./http-io.js";
import { openAiModels } from "./models.js";
import { chatCompletion } from "./openai-chat.js";
import { openAiError } from "./openai-errors.js";
import { parseOpenAiChat } from "./openai-request.js";
import { chatCompletionEvents } from "./openai-stream.js";
import type { ErrorBehaviour } from "./types.js";

/** Bearer auth as api.openai.com checks it; undefined when the caller may proceed. */
export function openAiAuthFailure(req: IncomingMessage, state: ServerState): JsonReply | undefined {
  const key = bearerToken(req);
  if (key === undefined || key === "") {
    return openAiError(401, {
      message:
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      code: null,
    });
  }
  if (state.apiKey !== undefined && key !== state.apiKey) {
    return openAiError(401, {
      message: `Incorrect API key provided: ${key.slice(0, 3)}***${key.slice(-4)}.`,
    });
  }
  return undefined;
}

function scriptedError(behaviour: ErrorBehaviour, state: ServerState): JsonReply {
  return openAiError(behaviour.status, {
    ...behaviour,
    requestId: state.ids.next("req_"),
  });
}

export async function handleOpenAi(
  req: IncomingMessage,
  res: ServerResponse,
  route: "chat" | "embeddings" | "models",
  body: unknown,
  state: ServerState,
): Promise<void> {
  const authFailure = openAiAuthFailure(req, state);
  if (authFailure !== undefined) return sendJson(res, authFailure);
  if (route === "models") return sendJson(res, openAiModels(state.models));
  if (route === "embeddings") {
    return answer(
      res,
      state.script.next(),
      {
        stream: false,
        reply: () => ({ kind: "json", reply: embeddingsReply(body, state.embeddingDimensions) }),
        error: (behaviour) => scriptedError(behaviour, state),
      },
      state,
    );
  }
  const parsed = parseOpenAiChat(body);
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
              body: chatCompletion(request, turn, state.ids, behaviour.usage),
            },
          };
        }
        const options = { usage: behaviour.usage, omitUsage: behaviour.omitUsage === true };
        return { kind: "sse", events: chatCompletionEvents(request, turn, state.ids, options) };
      },
      error: (behaviour) => scriptedError(behaviour, state),
    },
    state,
  );
}
