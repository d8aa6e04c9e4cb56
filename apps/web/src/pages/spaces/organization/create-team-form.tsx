import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Team } from "@tributary/contracts";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../../api/api-error";
import { api } from "../../../api/client";
import { Button } from "../../../ui/button";
import { ErrorMessage } from "../../../ui/feedback";
import { teamsQueryKey } from "./organization-queries";
import { TeamFields, type TeamInput } from "./team-fields";

const emptyTeam: TeamInput = { name: "", description: "" };

/** A new team in the organization (owners and admins); its creator owns it. */
export function CreateTeamForm({ organizationId }: { organizationId: string }) {
  const queryClient = useQueryClient();
  const [team, setTeam] = useState<TeamInput>(emptyTeam);
  const create = useMutation({
    mutationFn: () =>
      api.post<Team>(`/api/v1/organizations/${organizationId}/teams`, {
        name: team.name.trim(),
        ...(team.description.trim() ? { description: team.description.trim() } : {}),
      }),
    onSuccess: async () => {
      setTeam(emptyTeam);
      await queryClient.invalidateQueries({ queryKey: teamsQueryKey(organizationId) });
    },
  });
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <form
      onSubmit={submit}
      className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700"
      noValidate
      aria-label="Create a team"
      data-testid="create-team-form"
    >
      <h3 className="text-sm font-semibold">Create a team</h3>
      <TeamFields
        value={team}
        onChange={(next) => {
          create.reset();
          setTeam(next);
        }}
        errors={fieldErrors}
      />
      <ErrorMessage error={create.error} title="The team could not be created" />
      <Button type="submit" busy={create.isPending} disabled={!team.name.trim()} data-testid="create-team">
        {create.isPending ? "Creating…" : "Create team"}
      </Button>
    </form>
  );
}
