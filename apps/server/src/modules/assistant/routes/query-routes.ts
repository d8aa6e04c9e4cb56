import { assistantAnswerSchema, assistantQueryRequestSchema } from "@tributary/contracts";
import { type AnyRoute, defineRoute } from "../../../http/route-builder.js";
import type { AssistantDeps } from "../deps.js";
import { askQuestion } from "../query/ask-question.js";
import { assistantCaller } from "./assistant-caller.js";
import { streamAnswer } from "./stream-answer.js";

/** `POST /api/v1/query`: a grounded answer with verified citations, as JSON or server-sent events. */
export function queryRoutes(deps: AssistantDeps): AnyRoute[] {
  return [
    defineRoute({
      method: "POST",
      url: "/api/v1/query",
      summary: "Ask a question of the space's documents: an answer with verified citations",
      description:
        "Searches the X-Space-ID space and answers only from what it finds, citing passages as `[n]`; " +
        "a citation is kept only when its quote occurs in the cited chunk. Without evidence the answer " +
        "says so and no model is called; without a model provider the best passages are quoted " +
        "(`mode: extractive`). With `stream: true` the reply is `text/event-stream`: `answer.delta` " +
        "events, then `citations`, then `done` with the whole answer (or `error`).",
      tags: ["assistant"],
      auth: "required",
      space: true,
      body: assistantQueryRequestSchema,
      response: assistantAnswerSchema,
      handler: async ({ principal, space, body, request, reply }) => {
        const caller = assistantCaller(principal, space);
        if (!body.stream) return askQuestion(deps, caller, body, { requestId: request.id });
        await streamAnswer(reply, (hooks) =>
          askQuestion(deps, caller, body, { ...hooks, requestId: request.id }),
        );
        return undefined as never;
      },
    }),
  ];
}
