import { useId } from "react";
import { inputClass } from "../../../ui/field";
import { type GroupRole, groupRoleLabels } from "./group-roles";

/** A member's role as a compact select (its label is for screen readers: the row names the member). */
export function GroupRolePicker({
  label,
  value,
  roles,
  busy,
  onChange,
  testId = "organization-member-role",
}: {
  label: string;
  value: GroupRole;
  roles: readonly GroupRole[];
  busy: boolean;
  onChange: (role: GroupRole) => void;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={busy}
        aria-busy={busy || undefined}
        onChange={(event) => onChange(event.target.value as GroupRole)}
        className={`${inputClass} w-auto py-1.5`}
        data-testid={testId}
      >
        {/* A role the caller may not grant still shows as the current value. */}
        {!roles.includes(value) && <option value={value}>{groupRoleLabels[value]}</option>}
        {roles.map((role) => (
          <option key={role} value={role}>
            {groupRoleLabels[role]}
          </option>
        ))}
      </select>
      {busy && <span className="text-xs text-slate-600 dark:text-slate-300">Saving…</span>}
    </div>
  );
}
