import { Link } from "@tanstack/react-router";
import type { Space } from "@tributary/contracts";
import { Badge } from "../../ui/feedback";
import { roleLabels } from "./roles";

/** One space in the list: open it, or go to its settings. */
export function SpaceCard({ space }: { space: Space }) {
  const fallback =
    space.space_type === "personal" ? "Private to you unless you invite others." : "No description yet.";
  return (
    <li
      data-testid="space-card"
      data-space-id={space.id}
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="min-w-0 break-words text-base font-semibold">
          <Link
            to="/s/$spaceId/knowledge"
            params={{ spaceId: space.id }}
            search={{}}
            className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300"
          >
            {space.name}
          </Link>
        </h3>
        <Badge tone={space.role === "owner" ? "info" : "neutral"}>{roleLabels[space.role]}</Badge>
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-300">{space.description || fallback}</p>
      <div className="mt-auto">
        <Link
          to="/s/$spaceId/settings"
          params={{ spaceId: space.id }}
          aria-label={`Settings of ${space.name}`}
          className="text-sm font-medium text-slate-700 underline dark:text-slate-200"
        >
          Settings
        </Link>
      </div>
    </li>
  );
}
