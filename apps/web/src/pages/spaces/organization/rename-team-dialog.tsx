import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Team } from "@tributary/contracts";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../../api/api-error";
import { api } from "../../../api/client";
import { Button } from "../../../ui/button";
import { Dialog } from "../../../ui/dialog";
import { ErrorMessage } from "../../../ui/feedback";
import { teamsQueryKey } from "./organization-queries";
import { TeamFields, type TeamInput } from "./team-fields";

/** Renames or re-describes a team. */
export function RenameTeamDialog({
  team,
  open,
  onClose,
}: {
  team: Team;
  open: boolean;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} title={`Rename ${team.name}`} onClose={onClose}>
      {/* Mounted only while open, so every opening starts from the team as saved. */}
      <RenameTeamForm team={team} onDone={onClose} />
    </Dialog>
  );
}

function RenameTeamForm({ team, onDone }: { team: Team; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [value, setValue] = useState<TeamInput>({ name: team.name, description: team.description });
  const changes = {
    ...(value.name.trim() !== team.name ? { name: value.name.trim() } : {}),
    ...(value.description !== team.description ? { description: value.description } : {}),
  };
  const dirty = Object.keys(changes).length > 0;
  const save = useMutation({
    mutationFn: () => api.patch<Team>(`/api/v1/teams/${team.id}`, changes),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: teamsQueryKey(team.organization_id) });
      onDone();
    },
  });
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    if (dirty) save.mutate();
    else onDone();
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate data-testid="rename-team-form">
      <TeamFields value={value} onChange={setValue} errors={fieldErrors} />
      <ErrorMessage error={save.error} title="The team could not be saved" />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onDone} disabled={save.isPending}>
          Cancel
        </Button>
        <Button type="submit" busy={save.isPending} data-testid="save-team">
          {save.isPending ? "Saving…" : "Save team"}
        </Button>
      </div>
    </form>
  );
}
