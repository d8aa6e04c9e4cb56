import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useSpaceId } from "../../layout/use-space";
import { PageHeader } from "../../ui/feedback";
import { ConversationList } from "./conversation-list";
import { ConversationPane } from "./conversation-pane";
import { QueryHistory } from "./query-history";
import { ViewTabs } from "./view-tabs";

type View = "conversations" | "history";

const views = [
  { key: "conversations", label: "Conversations" },
  { key: "history", label: "Query history" },
] as const;

/** `/s/$spaceId/assistant` (a new conversation) and `/s/$spaceId/assistant/$conversationId`. */
export function AssistantPage() {
  const spaceId = useSpaceId();
  const { conversationId } = useParams({ strict: false });
  const [view, setView] = useState<View>("conversations");

  return (
    <>
      <PageHeader
        title="Assistant"
        description="Ask questions of this space's documents. Every answer cites the passages it comes from."
      />
      <ViewTabs
        label="Assistant views"
        tabs={views}
        selected={view}
        onSelect={setView}
        panels={{
          conversations: (
            <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
              <ConversationList spaceId={spaceId} currentId={conversationId} />
              {/* Another conversation is another thread: its state, and any answer streaming into it, start afresh. */}
              <ConversationPane
                key={conversationId ?? "new"}
                spaceId={spaceId}
                conversationId={conversationId}
              />
            </div>
          ),
          history: <QueryHistory spaceId={spaceId} />,
        }}
      />
    </>
  );
}
