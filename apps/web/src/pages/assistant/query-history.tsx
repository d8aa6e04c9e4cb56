import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { QueryHistoryEntry } from "@tributary/contracts";
import { api } from "../../api/client";
import { formatDateTime } from "../../lib/format";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { Badge, EmptyState, ErrorMessage, Spinner } from "../../ui/feedback";
import { AnswerView } from "./answer-view";
import { assistantKeys, useQueryHistory } from "./assistant-queries";
import { useConfirmedDelete } from "./use-delete";

const modeLabels = {
  generative: "Written by a model",
  extractive: "Quoted passages",
  not_found: "Not found",
} as const;

/** Every question the caller asked in this space, with its answer; only the caller sees them. */
export function QueryHistory({ spaceId }: { spaceId: string }) {
  const history = useQueryHistory(spaceId);
  const queryClient = useQueryClient();
  const deletion = useConfirmedDelete(
    (entry: QueryHistoryEntry) =>
      api.delete(`/api/v1/query-history/${encodeURIComponent(entry.id)}`, { space: spaceId }),
    () => void queryClient.invalidateQueries({ queryKey: assistantKeys.history(spaceId) }),
  );
  const entries = history.data?.pages.flatMap((page) => page.data) ?? [];

  if (history.isPending) return <Spinner label="Loading your query history" />;
  if (history.error)
    return <ErrorMessage error={history.error} title="Your query history could not be loaded" />;
  if (entries.length === 0) {
    return (
      <EmptyState title="No questions yet">
        Questions you ask the assistant appear here with their answers. Only you can see them.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Only you can see your questions. Newest first.
      </p>
      <ol className="space-y-4" data-testid="query-history-list">
        {entries.map((entry) => (
          <li key={entry.id} data-testid="query-history-entry" className="space-y-2">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <h3 className="break-words font-semibold">{entry.question}</h3>
                <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
                  <span>{formatDateTime(entry.created_at)}</span>
                  <Badge
                    tone={
                      entry.mode === "not_found"
                        ? "warning"
                        : entry.mode === "extractive"
                          ? "info"
                          : "neutral"
                    }
                  >
                    {modeLabels[entry.mode]}
                  </Badge>
                  {entry.mode !== "not_found" && !entry.grounded && (
                    <Badge tone="warning">Not fully cited</Badge>
                  )}
                  {entry.conversation_id && (
                    <Link
                      to="/s/$spaceId/assistant/$conversationId"
                      params={{ spaceId, conversationId: entry.conversation_id }}
                      className="font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-300"
                    >
                      Open conversation
                    </Link>
                  )}
                </p>
              </div>
              <Button
                variant="ghost"
                onClick={() => deletion.ask(entry)}
                aria-label={`Delete history entry: ${entry.question}`}
              >
                Delete
              </Button>
            </div>
            <AnswerView spaceId={spaceId} content={{ ...entry, warnings: [], retrieval: null }} />
          </li>
        ))}
      </ol>
      {history.hasNextPage && (
        <Button
          variant="secondary"
          busy={history.isFetchingNextPage}
          onClick={() => void history.fetchNextPage()}
        >
          Load older questions
        </Button>
      )}
      <ConfirmDialog
        open={deletion.target !== null}
        title="Delete this history entry?"
        confirmLabel="Delete entry"
        busy={deletion.busy}
        error={deletion.error}
        onConfirm={deletion.confirm}
        onClose={deletion.cancel}
      >
        The question “{deletion.target?.question}” and its answer leave your history. This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}
