import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { Space, SpaceMember } from "@tributary/contracts";
import { useId, useState } from "react";
import { api } from "../../api/client";
import { useAuth } from "../../auth/auth-context";
import { spacesQueryKey } from "../../layout/use-space";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { Badge, ErrorMessage } from "../../ui/feedback";
import { inputClass } from "../../ui/field";
import { landingPathFor } from "../auth/landing-path";
import { manageableRoles, roleDescriptions, roleLabels, type SpaceRole } from "./roles";
import { membersQueryKey } from "./space-queries";

/** One member: who, their role (a picker where the caller may change it), and remove or leave. */
export function MemberRow({
  member,
  space,
  myRole,
  isSelf,
}: {
  member: SpaceMember;
  space: Space;
  myRole: SpaceRole;
  isSelf: boolean;
}) {
  const queryClient = useQueryClient();
  const name = member.full_name.trim() || member.email;
  const roles = manageableRoles(myRole, member.role);
  const changeRole = useMutation({
    mutationFn: (role: SpaceRole) =>
      api.patch<SpaceMember>(
        `/api/v1/spaces/${space.id}/members/${member.user_id}`,
        { role },
        { space: space.id },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersQueryKey(space.id) }),
  });
  // The personal space's owner cannot leave it; anyone else may leave, and managers may remove.
  const canLeave = isSelf && !(space.space_type === "personal" && member.role === "owner");
  const canRemove = !isSelf && roles.length > 0;

  return (
    <li
      className="flex flex-col gap-3 py-3 sm:flex-row sm:flex-wrap sm:items-center"
      data-testid="member-row"
    >
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 font-medium">
          <span className="break-words">{name}</span>
          {isSelf && <Badge tone="info">You</Badge>}
        </p>
        <p className="break-all text-sm text-slate-600 dark:text-slate-300">{member.email}</p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {roles.length > 0 ? (
          <RolePicker
            name={name}
            value={member.role}
            roles={roles}
            busy={changeRole.isPending}
            onChange={(role) => changeRole.mutate(role)}
          />
        ) : (
          <Badge tone={member.role === "owner" ? "info" : "neutral"}>{roleLabels[member.role]}</Badge>
        )}
        {canRemove && <RemoveMember member={member} name={name} space={space} />}
        {canLeave && <LeaveSpace member={member} space={space} />}
      </div>
      {changeRole.error ? (
        <div className="sm:basis-full">
          <ErrorMessage error={changeRole.error} title={`The role of ${name} could not be changed`} />
        </div>
      ) : null}
    </li>
  );
}

function RolePicker({
  name,
  value,
  roles,
  busy,
  onChange,
}: {
  name: string;
  value: SpaceRole;
  roles: readonly SpaceRole[];
  busy: boolean;
  onChange: (role: SpaceRole) => void;
}) {
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        Role of {name}
      </label>
      <select
        id={id}
        value={value}
        disabled={busy}
        aria-busy={busy || undefined}
        onChange={(event) => onChange(event.target.value as SpaceRole)}
        className={`${inputClass} w-auto py-1.5`}
        data-testid="member-role"
      >
        {/* A role the caller may not grant still shows as the current value. */}
        {!roles.includes(value) && <option value={value}>{roleLabels[value]}</option>}
        {roles.map((role) => (
          <option key={role} value={role} title={roleDescriptions[role]}>
            {roleLabels[role]}
          </option>
        ))}
      </select>
      {busy && <span className="text-xs text-slate-600 dark:text-slate-300">Saving…</span>}
    </div>
  );
}

function RemoveMember({ member, name, space }: { member: SpaceMember; name: string; space: Space }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/v1/spaces/${space.id}/members/${member.user_id}`, { space: space.id }),
    onSuccess: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: membersQueryKey(space.id) });
    },
  });
  return (
    <>
      <Button variant="secondary" onClick={() => setConfirming(true)} aria-label={`Remove ${name}`}>
        Remove
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Remove ${name}?`}
        confirmLabel="Remove member"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate()}
        onClose={() => {
          setConfirming(false);
          remove.reset();
        }}
      >
        {name} loses access to “{space.name}” and its documents at once. You can invite them again later.
      </ConfirmDialog>
    </>
  );
}

function LeaveSpace({ member, space }: { member: SpaceMember; space: Space }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { user } = useAuth();
  const [confirming, setConfirming] = useState(false);
  const leave = useMutation({
    mutationFn: () => api.delete(`/api/v1/spaces/${space.id}/members/${member.user_id}`, { space: space.id }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: [...spacesQueryKey, space.id] });
      await queryClient.invalidateQueries({ queryKey: spacesQueryKey });
      await navigate({ to: user ? landingPathFor(user) : "/spaces" });
    },
  });
  return (
    <>
      <Button variant="secondary" onClick={() => setConfirming(true)} data-testid="leave-space">
        Leave space
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Leave “${space.name}”?`}
        confirmLabel="Leave space"
        busy={leave.isPending}
        error={leave.error}
        onConfirm={() => leave.mutate()}
        onClose={() => {
          setConfirming(false);
          leave.reset();
        }}
      >
        You lose access to this space and its documents. To come back, ask an owner or admin for a new
        invitation. The last owner cannot leave: make someone else owner first.
      </ConfirmDialog>
    </>
  );
}
