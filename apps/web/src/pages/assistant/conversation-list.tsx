import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import type { AssistantConversation } from "@tributary/contracts";
import { api } from "../../api/client";
import { formatDateTime } from "../../lib/format";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { ErrorMessage, Spinner } from "../../ui/feedback";
import { assistantKeys, useConversations } from "./assistant-queries";
import { TrashIcon } from "./trash-icon";
import { useConfirmedDelete } from "./use-delete";

/** The caller's conversations in the space, newest first, with "new" and "delete". */
export function ConversationList({ spaceId, currentId }: { spaceId: string; currentId: string | undefined }) {
  const conversations = useConversations(spaceId);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const deletion = useConfirmedDelete(
    (conversation: AssistantConversation) =>
      api.delete(`/api/v1/conversations/${encodeURIComponent(conversation.id)}`, { space: spaceId }),
    (conversation) => {
      // Its answers leave the query history with it.
      void queryClient.invalidateQueries({ queryKey: assistantKeys.all(spaceId) });
      queryClient.removeQueries({ queryKey: assistantKeys.conversation(spaceId, conversation.id) });
      if (conversation.id === currentId) void navigate({ to: "/s/$spaceId/assistant", params: { spaceId } });
    },
  );
  const items = conversations.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <nav aria-labelledby="conversations-heading" className="min-w-0">
      <h2
        id="conversations-heading"
        className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300"
      >
        Conversations
      </h2>
      <Link
        to="/s/$spaceId/assistant"
        params={{ spaceId }}
        className="mb-3 block rounded-md bg-blue-600 px-3 py-2 text-center text-sm font-medium text-white hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        data-testid="new-conversation"
      >
        New conversation
      </Link>
      {conversations.isPending ? (
        <Spinner label="Loading conversations" />
      ) : conversations.error ? (
        <ErrorMessage error={conversations.error} title="Your conversations could not be loaded" />
      ) : items.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-600 dark:border-slate-600 dark:text-slate-300">
          No conversations yet. Ask a question to start one; follow-up questions keep its context.
        </p>
      ) : (
        <ul className="max-h-56 space-y-1 overflow-y-auto lg:max-h-none" data-testid="conversation-list">
          {items.map((conversation) => (
            <li
              key={conversation.id}
              className="group flex items-start gap-1"
              data-testid="conversation-item"
            >
              <Link
                to="/s/$spaceId/assistant/$conversationId"
                params={{ spaceId, conversationId: conversation.id }}
                className="min-w-0 flex-1 rounded-md px-2 py-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
                activeProps={{ className: "bg-slate-200 dark:bg-slate-800", "aria-current": "page" }}
              >
                <span className="block truncate font-medium">{conversation.title}</span>
                <span className="block text-xs text-slate-600 dark:text-slate-300">
                  {questionCount(conversation.message_count)} · {formatDateTime(conversation.updated_at)}
                </span>
              </Link>
              <button
                type="button"
                onClick={() => deletion.ask(conversation)}
                aria-label={`Delete conversation: ${conversation.title}`}
                className="rounded-md p-2 text-slate-600 hover:bg-red-50 hover:text-red-700 dark:text-slate-300 dark:hover:bg-red-950 dark:hover:text-red-300"
              >
                <TrashIcon />
              </button>
            </li>
          ))}
        </ul>
      )}
      {conversations.hasNextPage && (
        <Button
          variant="ghost"
          className="mt-2 w-full"
          busy={conversations.isFetchingNextPage}
          onClick={() => void conversations.fetchNextPage()}
        >
          Load older conversations
        </Button>
      )}
      <ConfirmDialog
        open={deletion.target !== null}
        title="Delete this conversation?"
        confirmLabel="Delete conversation"
        busy={deletion.busy}
        error={deletion.error}
        onConfirm={deletion.confirm}
        onClose={deletion.cancel}
      >
        “{deletion.target?.title}” and its answers will be deleted, including their entries in your query
        history. This cannot be undone.
      </ConfirmDialog>
    </nav>
  );
}

/** Each question is stored with its answer: two messages. */
function questionCount(messageCount: number): string {
  const questions = Math.floor(messageCount / 2);
  return questions === 1 ? "1 question" : `${questions} questions`;
}
