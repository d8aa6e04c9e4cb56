import type { User } from "@tributary/contracts";
import { formatDateTime } from "../../../lib/format";
import { Button } from "../../../ui/button";
import { Badge } from "../../../ui/feedback";

const statusTone = { active: "success", suspended: "danger", inactive: "neutral" } as const;

/** Accounts as rows that wrap on a phone; the caller's own account cannot be suspended. */
export function UserList({
  users,
  currentUserId,
  onSuspend,
  onReactivate,
}: {
  users: readonly User[];
  currentUserId: string | null;
  onSuspend: (user: User) => void;
  onReactivate: (user: User) => void;
}) {
  return (
    <ul
      className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-700 dark:border-slate-700 dark:bg-slate-900"
      aria-label="Users"
    >
      {users.map((user) => (
        <li
          key={user.id}
          data-testid="user-row"
          className="flex flex-wrap items-center justify-between gap-3 p-3"
        >
          <div className="min-w-0">
            <p className="flex flex-wrap items-center gap-2 font-medium">
              <span className="break-all">{user.full_name || user.email}</span>
              <Badge tone={statusTone[user.status]}>{user.status}</Badge>
              {user.platform_role === "admin" && <Badge tone="info">platform admin</Badge>}
              {user.id === currentUserId && <Badge>you</Badge>}
            </p>
            <p className="break-all text-sm text-slate-600 dark:text-slate-300">{user.email}</p>
            <p className="text-xs text-slate-600 dark:text-slate-300">
              Joined {formatDateTime(user.created_at)} · last sign-in{" "}
              {user.last_login_at ? formatDateTime(user.last_login_at) : "never"}
            </p>
          </div>
          {user.status === "suspended" ? (
            <Button
              variant="secondary"
              onClick={() => onReactivate(user)}
              aria-label={`Reactivate ${user.email}`}
            >
              Reactivate
            </Button>
          ) : user.id !== currentUserId ? (
            <Button variant="secondary" onClick={() => onSuspend(user)} aria-label={`Suspend ${user.email}`}>
              Suspend
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
