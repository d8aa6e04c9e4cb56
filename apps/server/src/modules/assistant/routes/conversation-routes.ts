import {
  assistantAnswerSchema,
  assistantConversationDetailSchema,
  assistantConversationSchema,
  assistantIdParamsSchema,
  assistantListQuerySchema,
  assistantMessageRequestSchema,
  createAssistantConversationRequestSchema,
  pageSchema,
} from "@tributary/contracts";
import { z } from "zod";
import { type AnyRoute, defineRoute } from "../../../http/route-builder.js";
import { askInConversation } from "../conversations/ask-in-conversation.js";
import { createConversation } from "../conversations/create-conversation.js";
import { deleteConversation } from "../conversations/delete-conversation.js";
import { getConversation } from "../conversations/get-conversation.js";
import { listConversations } from "../conversations/list-conversations.js";
import type { AssistantDeps } from "../deps.js";
import { assistantCaller } from "./assistant-caller.js";
import { streamAnswer } from "./stream-answer.js";

const tags = ["assistant"];

/** The caller's own conversations in the X-Space-ID space; nobody else sees them. */
export function conversationRoutes(deps: AssistantDeps): AnyRoute[] {
  return [
    defineRoute({
      method: "POST",
      url: "/api/v1/conversations",
      summary: "Start a conversation with the assistant",
      tags,
      auth: "required",
      space: true,
      status: 201,
      body: createAssistantConversationRequestSchema,
      response: assistantConversationSchema,
      handler: ({ principal, space, body }) =>
        createConversation(deps, assistantCaller(principal, space), body),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/conversations",
      summary: "The caller's conversations in the space, newest first",
      tags,
      auth: "required",
      space: true,
      query: assistantListQuerySchema,
      response: pageSchema(assistantConversationSchema),
      handler: ({ principal, space, query }) =>
        listConversations(deps, assistantCaller(principal, space), query),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/conversations/:id",
      summary: "A conversation of the caller with its messages, their citations and usage",
      tags,
      auth: "required",
      space: true,
      params: assistantIdParamsSchema,
      response: assistantConversationDetailSchema,
      handler: ({ principal, space, params }) =>
        getConversation(deps, assistantCaller(principal, space), params.id),
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/v1/conversations/:id",
      summary: "Delete a conversation of the caller, with its messages and their query history",
      tags,
      auth: "required",
      space: true,
      status: 204,
      params: assistantIdParamsSchema,
      response: z.undefined(),
      handler: async ({ principal, space, params }) => {
        await deleteConversation(deps, assistantCaller(principal, space), params.id);
        return undefined;
      },
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/conversations/:id/messages",
      summary: "Ask a follow-up in a conversation (answers like POST /query, streams with stream: true)",
      description:
        "The question is rewritten into a standalone query with the conversation's history before the " +
        "search; the answer, its citations and usage are stored as the conversation's next messages.",
      tags,
      auth: "required",
      space: true,
      params: assistantIdParamsSchema,
      body: assistantMessageRequestSchema,
      response: assistantAnswerSchema,
      handler: async ({ principal, space, params, body, request, reply }) => {
        const caller = assistantCaller(principal, space);
        const options = { requestId: request.id };
        if (!body.stream) return askInConversation(deps, caller, params.id, body, options);
        await streamAnswer(reply, (hooks) =>
          askInConversation(deps, caller, params.id, body, { ...hooks, ...options }),
        );
        return undefined as never;
      },
    }),
  ];
}
