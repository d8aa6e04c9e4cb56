import type { AssistantAnswer, AssistantCitation } from "@tributary/contracts";
import { ApiError } from "../../api/api-error";
import { api } from "../../api/client";
import { readServerSentEvents } from "../../api/sse";

export interface AnswerStreamHandlers {
  /** Each newly visible piece of the answer's text. */
  readonly onDelta: (delta: string) => void;
  /** The verified citations, before the whole answer arrives. */
  readonly onCitations: (citations: AssistantCitation[], warnings: string[]) => void;
}

/** What the composer's options add to a question. */
export interface AskOptions {
  readonly searchMode: "hybrid" | "vector" | "text";
  readonly notebookId: string;
}

/**
 * Asks a question in a conversation and streams the answer (`POST /conversations/{id}/messages`
 * with `stream: true`). Resolves with the stored answer; rejects with an AbortError when stopped
 * (the server then stores nothing) or an ApiError with the API's message.
 */
export async function askInConversation(
  spaceId: string,
  conversationId: string,
  question: string,
  options: AskOptions,
  handlers: AnswerStreamHandlers,
  signal: AbortSignal,
): Promise<AssistantAnswer> {
  const response = await api.send(
    "POST",
    `/api/v1/conversations/${encodeURIComponent(conversationId)}/messages`,
    {
      space: spaceId,
      body: {
        question,
        stream: true,
        search_mode: options.searchMode,
        ...(options.notebookId ? { notebook_ids: [options.notebookId] } : {}),
      },
      headers: { accept: "text/event-stream" },
      signal,
    },
  );
  return readAnswerStream(response, handlers);
}

/**
 * Reads a streamed answer: `answer.delta` ({delta})…, `citations` ({citations, warnings}), then
 * `done` (the whole answer, authoritative) or `error` (the API's error envelope). A JSON reply
 * (a server that did not stream) is taken as the whole answer.
 */
export async function readAnswerStream(
  response: Response,
  handlers: AnswerStreamHandlers,
): Promise<AssistantAnswer> {
  if (!response.headers.get("content-type")?.includes("text/event-stream")) {
    const answer = (await response.json()) as AssistantAnswer;
    handlers.onDelta(answer.answer);
    handlers.onCitations(answer.citations, answer.warnings);
    return answer;
  }
  for await (const event of readServerSentEvents(response)) {
    const data = JSON.parse(event.data) as unknown;
    if (event.event === "answer.delta") {
      handlers.onDelta((data as { delta: string }).delta);
    } else if (event.event === "citations") {
      const { citations, warnings } = data as { citations: AssistantCitation[]; warnings: string[] };
      handlers.onCitations(citations, warnings);
    } else if (event.event === "done") {
      return data as AssistantAnswer;
    } else if (event.event === "error") {
      throw streamError(data, response.headers.get("x-request-id"));
    }
  }
  throw new ApiError(
    0,
    "STREAM_ENDED",
    "The connection closed before the answer was complete",
    undefined,
    response.headers.get("x-request-id") ?? undefined,
  );
}

/** The stream is already a 200 when a failure comes, so the status is not known: a server fault. */
function streamError(data: unknown, requestId: string | null): ApiError {
  const error = (
    data as {
      error?: { code?: string; message?: string; details?: Record<string, unknown>; request_id?: string };
    }
  ).error;
  return new ApiError(
    502,
    error?.code ?? "STREAM_ERROR",
    error?.message ?? "The answer failed while it was being written",
    error?.details,
    error?.request_id ?? requestId ?? undefined,
  );
}
