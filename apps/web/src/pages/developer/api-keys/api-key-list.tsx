import type { ApiKey } from "@tributary/contracts";
import type { ReactNode } from "react";
import { formatDateTime } from "../../../lib/format";
import { Button } from "../../../ui/button";
import { Badge } from "../../../ui/feedback";
import { apiKeyStatus, describeLimits } from "./api-key-status";

const statusBadge = {
  active: <Badge tone="success">Active</Badge>,
  expired: <Badge tone="warning">Expired</Badge>,
  revoked: <Badge tone="danger">Revoked</Badge>,
};

/** One card per key (a table would not fit a phone): what it is, what it may do, when it was used. */
export function ApiKeyList({
  keys,
  spaceNames,
  onRevoke,
}: {
  keys: readonly ApiKey[];
  /** Names of the spaces the user is in, to say which space a bound key acts in. */
  spaceNames: ReadonlyMap<string, string>;
  onRevoke: (key: ApiKey) => void;
}) {
  return (
    <ul className="space-y-3" aria-label="API keys">
      {keys.map((key) => {
        const status = apiKeyStatus(key);
        const limits = describeLimits(key.gateway);
        return (
          <li
            key={key.id}
            data-testid="api-key-row"
            className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <h2 className="flex flex-wrap items-center gap-2 text-base font-semibold">
                  <span className="break-all">{key.name}</span>
                  {statusBadge[status]}
                </h2>
                <p className="mt-0.5 font-mono text-xs text-slate-600 dark:text-slate-300">{key.prefix}…</p>
              </div>
              {status !== "revoked" && (
                <Button variant="secondary" onClick={() => onRevoke(key)} aria-label={`Revoke ${key.name}`}>
                  Revoke
                </Button>
              )}
            </div>
            <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
              <Detail term="Scopes">
                <span className="flex flex-wrap gap-1">
                  {key.scopes.map((scope) => (
                    <Badge key={scope} tone="info">
                      {scope}
                    </Badge>
                  ))}
                </span>
              </Detail>
              <Detail term="Space">
                {key.space_id ? (spaceNames.get(key.space_id) ?? key.space_id) : "Every space you are in"}
              </Detail>
              <Detail term="Limits">{limits.length > 0 ? limits.join(" · ") : "None of its own"}</Detail>
              <Detail term="Created">{formatDateTime(key.created_at)}</Detail>
              <Detail term="Last used">
                {key.last_used_at ? formatDateTime(key.last_used_at) : "Never"}
              </Detail>
              <Detail term={status === "revoked" ? "Revoked" : "Expires"}>
                {status === "revoked"
                  ? formatDateTime(key.revoked_at)
                  : key.expires_at
                    ? formatDateTime(key.expires_at)
                    : "Never"}
              </Detail>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">{term}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}
