import { useNavigate } from "@tanstack/react-router";
import type { Space } from "@tributary/contracts";
import { useState } from "react";
import { useSpaces } from "../../layout/use-space";
import { Button } from "../../ui/button";
import { EmptyState, ErrorMessage, PageHeader, Spinner } from "../../ui/feedback";
import { CreateSpaceDialog } from "./create-space-dialog";
import { SpaceCard } from "./space-card";
import { SpacesFrame } from "./spaces-frame";

/** Every space the user belongs to, personal first, with a way to create a shared one. */
export function SpacesPage() {
  const spaces = useSpaces();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const personal = spaces.data?.filter((space) => space.space_type === "personal") ?? [];
  const organizations = spaces.data?.filter((space) => space.space_type !== "personal") ?? [];
  // The header's button is the one with the test id; the empty states repeat the action.
  const createButton = (testId?: string) => (
    <Button onClick={() => setCreating(true)} data-testid={testId}>
      Create space
    </Button>
  );

  return (
    <SpacesFrame>
      <PageHeader
        title="Your spaces"
        description="A space holds documents, notebooks and conversations. Your personal space is yours; organization spaces are shared with their members."
        actions={createButton("create-space")}
      />
      {spaces.isPending && <Spinner label="Loading your spaces" />}
      <ErrorMessage error={spaces.error} title="Your spaces could not be loaded" />
      {spaces.data?.length === 0 && (
        <EmptyState title="You are not in any space yet" action={createButton()}>
          Create a space to start, or open the invitation link someone sent you.
        </EmptyState>
      )}
      <SpaceGroup title="Personal" spaces={personal} />
      <SpaceGroup title="Organizations" spaces={organizations} />
      {personal.length > 0 && organizations.length === 0 && (
        <EmptyState title="No shared spaces yet" action={createButton()}>
          Create a space for your team, then invite its members from the space's settings.
        </EmptyState>
      )}
      <CreateSpaceDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(spaceId) => {
          setCreating(false);
          void navigate({ to: "/s/$spaceId/knowledge", params: { spaceId }, search: {} });
        }}
      />
    </SpacesFrame>
  );
}

function SpaceGroup({ title, spaces }: { title: string; spaces: readonly Space[] }) {
  if (spaces.length === 0) return null;
  return (
    <section className="mb-8" aria-labelledby={`spaces-${title}`}>
      <h2 id={`spaces-${title}`} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {spaces.map((space) => (
          <SpaceCard key={space.id} space={space} />
        ))}
      </ul>
    </section>
  );
}
