import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { AssistantAnswer, AssistantCitation, AssistantConversation } from "@tributary/contracts";
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../../api/client";
import { type AskOptions, askInConversation } from "./answer-stream";
import { assistantKeys, conversationQuery } from "./assistant-queries";

/** The question being answered now (or just answered, stopped or failed), before it is in the thread. */
export interface PendingExchange {
  readonly question: string;
  readonly answer: string;
  readonly citations: AssistantCitation[];
  readonly warnings: string[];
  readonly status: "generating" | "done" | "stopped" | "failed";
  /** The stored answer, once `done` came. */
  readonly final: AssistantAnswer | null;
  readonly error: unknown;
}

/**
 * Asks questions in a conversation, streaming each answer into a pending exchange. Without a
 * conversation (the "new conversation" page) the first question creates one, and the page moves to
 * it once the answer is stored. Leaving the page stops the stream (the server then stores nothing).
 */
export function useAsk(spaceId: string, conversationId: string | undefined) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [exchange, setExchange] = useState<PendingExchange | null>(null);
  const controller = useRef<AbortController | null>(null);
  // A conversation created here whose first answer did not complete is reused by the next question.
  const created = useRef<string | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const ask = useCallback(
    async (question: string, options: AskOptions): Promise<boolean> => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const update = (change: Partial<PendingExchange>) =>
        setExchange((current) => (current ? { ...current, ...change } : current));
      setExchange({
        question,
        answer: "",
        citations: [],
        warnings: [],
        status: "generating",
        final: null,
        error: null,
      });
      try {
        let id = conversationId ?? created.current;
        if (!id) {
          const conversation = await api.post<AssistantConversation>(
            "/api/v1/conversations",
            {},
            { space: spaceId, signal: abort.signal },
          );
          id = conversation.id;
          created.current = id;
          void queryClient.invalidateQueries({ queryKey: assistantKeys.conversations(spaceId) });
        }
        const final = await askInConversation(
          spaceId,
          id,
          question,
          options,
          {
            onDelta: (delta) =>
              setExchange((current) => current && { ...current, answer: current.answer + delta }),
            onCitations: (citations, warnings) => update({ citations, warnings }),
          },
          abort.signal,
        );
        // The `done` answer is authoritative: unverified markers are gone from it.
        update({
          status: "done",
          final,
          answer: final.answer,
          citations: final.citations,
          warnings: final.warnings,
        });
        void queryClient.invalidateQueries({ queryKey: assistantKeys.conversations(spaceId) });
        void queryClient.invalidateQueries({ queryKey: assistantKeys.history(spaceId) });
        if (conversationId) {
          await queryClient.invalidateQueries({ queryKey: assistantKeys.conversation(spaceId, id) });
        } else {
          // Load the new conversation first, so its page opens with the answer already there.
          await queryClient.fetchQuery(conversationQuery(spaceId, id)).catch(() => undefined);
          if (!abort.signal.aborted) {
            await navigate({
              to: "/s/$spaceId/assistant/$conversationId",
              params: { spaceId, conversationId: id },
            });
          }
        }
        return true;
      } catch (error) {
        if ((error as Error).name === "AbortError") update({ status: "stopped" });
        else update({ status: "failed", error });
        return false;
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [conversationId, navigate, queryClient, spaceId],
  );

  const stop = useCallback(() => controller.current?.abort(), []);

  return { exchange, ask, stop, generating: exchange?.status === "generating" };
}
