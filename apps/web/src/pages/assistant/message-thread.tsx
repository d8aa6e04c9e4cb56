import type { AssistantMessage } from "@tributary/contracts";
import { useEffect, useRef } from "react";
import { ErrorMessage, Notice } from "../../ui/feedback";
import { AnswerView } from "./answer-view";
import type { PendingExchange } from "./use-ask";

/** A conversation's messages, then the question being answered now. */
export function MessageThread({
  spaceId,
  messages,
  exchange,
}: {
  spaceId: string;
  messages: readonly AssistantMessage[];
  exchange: PendingExchange | null;
}) {
  const end = useRef<HTMLDivElement>(null);
  const status = exchange?.status;
  // Bring a new question, and its finished answer, into view (not every streamed word: the reader may scroll up).
  useEffect(() => {
    if (status) end.current?.scrollIntoView?.({ block: "nearest" });
  }, [status]);
  return (
    <div>
      <ol aria-label="Messages" className="space-y-4" data-testid="message-thread">
        {messages.map((message) =>
          message.role === "user" ? (
            <QuestionBubble key={message.id} text={message.content} />
          ) : (
            <li key={message.id}>
              <AnswerView spaceId={spaceId} content={{ ...message, answer: message.content }} />
            </li>
          ),
        )}
        {exchange && (
          <>
            <QuestionBubble text={exchange.question} />
            <li>
              <PendingAnswer spaceId={spaceId} exchange={exchange} />
            </li>
          </>
        )}
      </ol>
      <div ref={end} />
    </div>
  );
}

function QuestionBubble({ text }: { text: string }) {
  return (
    <li className="flex justify-end">
      <div
        className="max-w-[85%] rounded-lg bg-blue-600 px-3 py-2 text-sm text-white"
        data-testid="user-question"
      >
        <span className="sr-only">You asked: </span>
        <span className="whitespace-pre-wrap break-words">{text}</span>
      </div>
    </li>
  );
}

function PendingAnswer({ spaceId, exchange }: { spaceId: string; exchange: PendingExchange }) {
  const final = exchange.final;
  const content = {
    answer: exchange.answer,
    citations: exchange.citations,
    warnings: exchange.warnings,
    mode: final?.mode ?? null,
    grounded: final?.grounded ?? null,
    model: final?.model ?? null,
    usage: final?.usage ?? null,
    retrieval: final?.retrieval ?? null,
  };
  return (
    <AnswerView spaceId={spaceId} content={content} state={exchange.status}>
      {exchange.status === "generating" && (
        <p
          role="status"
          className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-300"
          data-testid="generating-status"
        >
          <span
            aria-hidden="true"
            className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent"
          />
          {exchange.answer ? "Generating…" : "Searching your documents and generating…"}
        </p>
      )}
      {exchange.status === "stopped" && (
        <Notice tone="warning">
          You stopped this answer, so it was not saved. Ask again to get a complete one.
        </Notice>
      )}
      {exchange.status === "failed" && (
        <ErrorMessage error={exchange.error} title="The question could not be answered" />
      )}
    </AnswerView>
  );
}
