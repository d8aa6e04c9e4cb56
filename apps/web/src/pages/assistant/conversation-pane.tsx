import { Link } from "@tanstack/react-router";
import type { AssistantMessage } from "@tributary/contracts";
import { useState } from "react";
import { EmptyState, ErrorMessage, Spinner } from "../../ui/feedback";
import type { AskOptions } from "./answer-stream";
import { useConversation } from "./assistant-queries";
import { MessageThread } from "./message-thread";
import { QuestionComposer } from "./question-composer";
import { useAsk } from "./use-ask";

const noMessages: readonly AssistantMessage[] = [];

/** One conversation (or a new one): its thread, the answer being written, and the composer. */
export function ConversationPane({
  spaceId,
  conversationId,
}: {
  spaceId: string;
  conversationId: string | undefined;
}) {
  const conversation = useConversation(spaceId, conversationId);
  const { exchange, ask, stop, generating } = useAsk(spaceId, conversationId);
  const [question, setQuestion] = useState("");
  const [options, setOptions] = useState<AskOptions>({ searchMode: "hybrid", notebookId: "" });
  const messages = conversation.data?.messages ?? noMessages;
  // Once the stored answer is in the thread, the pending copy of it goes.
  const stored =
    exchange?.final?.message_id && messages.some((message) => message.id === exchange.final?.message_id);
  const pending = stored ? null : exchange;

  async function submit() {
    const asked = question.trim();
    setQuestion("");
    // Stopped or failed: the question comes back, to edit or ask again.
    if (!(await ask(asked, options))) setQuestion((current) => current || asked);
  }

  return (
    <section aria-labelledby="conversation-heading" className="flex min-w-0 flex-col gap-4">
      <h2 id="conversation-heading" className="break-words text-lg font-semibold">
        {conversation.data?.title ?? "New conversation"}
      </h2>
      {conversationId && conversation.isPending ? (
        <Spinner label="Loading the conversation" />
      ) : conversation.error ? (
        <div className="space-y-2">
          <ErrorMessage error={conversation.error} title="The conversation could not be loaded" />
          <Link
            to="/s/$spaceId/assistant"
            params={{ spaceId }}
            className="text-sm font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-300"
          >
            Start a new conversation
          </Link>
        </div>
      ) : messages.length === 0 && !pending ? (
        <EmptyState title="Ask your documents">
          Type a question below. The assistant answers only from the documents in this space and numbers its
          sources: select a marker like [1] to open the passage it comes from.
        </EmptyState>
      ) : (
        <MessageThread spaceId={spaceId} messages={messages} exchange={pending} />
      )}
      {!conversation.error && (
        <QuestionComposer
          spaceId={spaceId}
          question={question}
          onQuestionChange={setQuestion}
          options={options}
          onOptionsChange={setOptions}
          generating={generating}
          onAsk={() => void submit()}
          onStop={stop}
        />
      )}
    </section>
  );
}
