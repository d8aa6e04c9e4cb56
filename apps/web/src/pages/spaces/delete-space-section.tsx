import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { Space } from "@tributary/contracts";
import { useState } from "react";
import { api } from "../../api/client";
import { useAuth } from "../../auth/auth-context";
import { spacesQueryKey } from "../../layout/use-space";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { landingPathFor } from "../auth/landing-path";
import { SettingsSection } from "./settings-section";
import { spaceQueryKey } from "./space-queries";

/** Deleting a shared space (owners only; a personal space cannot be deleted). */
export function DeleteSpaceSection({ space }: { space: Space }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { user } = useAuth();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/v1/spaces/${space.id}`, { space: space.id }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: spaceQueryKey(space.id) });
      await queryClient.invalidateQueries({ queryKey: spacesQueryKey });
      await navigate({ to: user ? landingPathFor(user) : "/spaces" });
    },
  });
  return (
    <SettingsSection
      id="space-delete"
      title="Delete space"
      description="Removes the space for every member, with its documents, notebooks and conversations."
    >
      <div>
        <Button variant="danger" onClick={() => setConfirming(true)} data-testid="delete-space">
          Delete this space
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Delete “${space.name}”?`}
        confirmLabel="Delete space"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate()}
        onClose={() => {
          setConfirming(false);
          remove.reset();
        }}
      >
        Every member loses access to “{space.name}” and everything in it. This cannot be undone from the web
        app.
      </ConfirmDialog>
    </SettingsSection>
  );
}
